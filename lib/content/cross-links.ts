import type { CrossLink } from "./types";

// Lesson text links to a glossary term with `[text](glossary:term-id)` and to another lesson with
// `[text](lesson:slug)` or `[text](lesson:slug#section-id)`. Parsing turns them into CrossLinks that
// content:check verifies; rendering turns them into the app's own paths. Any other scheme is left to
// the sanitiser.

const idPattern = "[a-z0-9]+(?:-[a-z0-9]+)*";
const glossaryHref = new RegExp(`^glossary:(${idPattern})$`);
const lessonHref = new RegExp(`^lesson:(${idPattern})(?:#(${idPattern}))?$`);

/** True for hrefs in one of our own schemes, well-formed or not. */
export const isCrossLinkHref = (href: string): boolean => /^(glossary|lesson):/i.test(href);

/** The link an href names, or null when it is not a well-formed `glossary:` or `lesson:` href. */
export function parseCrossLink(href: string): CrossLink | null {
  const glossary = glossaryHref.exec(href);
  if (glossary) return { kind: "glossary", termId: glossary[1] };
  const lesson = lessonHref.exec(href);
  if (lesson)
    return lesson[2] ? { kind: "lesson", slug: lesson[1], sectionId: lesson[2] } : { kind: "lesson", slug: lesson[1] };
  return null;
}

/** The glossary page's anchor for a term. */
export const glossaryAnchor = (termId: string): string => `term-${termId}`;

/** Where a cross link goes in the app. */
export function crossLinkPath(link: CrossLink): string {
  if (link.kind === "glossary") return `/glossary#${glossaryAnchor(link.termId)}`;
  return `/lessons/${link.slug}${link.sectionId ? `#${link.sectionId}` : ""}`;
}
