"use client";

import { useEffect } from "react";

const HEARTBEAT_MS = 30_000;

/**
 * Sends reading time and the section in view to /api/progress: every 30 s while the tab is
 * visible, and once more when the learner leaves, so "continue where you left off" can return to
 * the right section.
 */
export function LessonActivityTracker({ slug, sectionIds }: { slug: string; sectionIds: string[] }) {
  const idList = sectionIds.join(" ");
  useEffect(() => {
    let visibleSince = document.visibilityState === "visible" ? Date.now() : null;
    let currentSection: string | null = null;

    const headings = idList
      .split(" ")
      .map((id) => document.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) currentSection = entry.target.id;
      },
      { rootMargin: "0px 0px -70% 0px" },
    );
    for (const h of headings) observer.observe(h);

    const flush = (useBeacon: boolean) => {
      const seconds = visibleSince ? (Date.now() - visibleSince) / 1000 : 0;
      visibleSince = document.visibilityState === "visible" ? Date.now() : null;
      if (seconds < 1 && !currentSection) return;
      const body = JSON.stringify({ slug, seconds, sectionId: currentSection });
      if (useBeacon && navigator.sendBeacon)
        navigator.sendBeacon("/api/progress", new Blob([body], { type: "application/json" }));
      else
        void fetch("/api/progress", {
          method: "POST",
          body,
          headers: { "content-type": "application/json" },
          keepalive: true,
        }).catch(() => {});
    };
    const timer = window.setInterval(() => flush(false), HEARTBEAT_MS);
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush(true);
      else visibleSince = Date.now();
    };
    const onPageHide = () => flush(true);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      flush(true);
      window.clearInterval(timer);
      observer.disconnect();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, [slug, idList]);
  return null;
}
