"use client";

import { useEffect, useState } from "react";

/** How far below the top of the window a heading counts as the start of what is being read. */
const READING_LINE = 0.3;

/**
 * The id of the section being read: the last of `ids` whose heading has scrolled above a line 30 %
 * down the window (the first one until then). Recomputed once per frame while scrolling.
 */
export function useCurrentSection(ids: string[]): string | null {
  const [current, setCurrent] = useState<string | null>(ids[0] ?? null);
  const idList = ids.join(" ");
  useEffect(() => {
    const headings = idList
      .split(" ")
      .map((id) => document.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
    if (headings.length === 0) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const line = window.innerHeight * READING_LINE;
      let active = headings[0];
      for (const heading of headings) if (heading.getBoundingClientRect().top <= line) active = heading;
      // At the very bottom the last sections may never reach the line; the reader is at the end.
      if (window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2)
        active = headings[headings.length - 1];
      setCurrent(active.id);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    window.addEventListener("hashchange", schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      window.removeEventListener("hashchange", schedule);
    };
  }, [idList]);
  return current;
}
