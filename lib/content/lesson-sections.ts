import { inlineText, tokenizeLesson } from "./markdown";
import type { Lesson } from "./types";

export interface LessonSection {
  /** The heading's id, the anchor to link to; "" for the text before the first heading. */
  id: string;
  title: string;
  /** Plain text of the section up to the next heading of any level (formatting dropped, code kept). */
  text: string;
}

/** A lesson's text cut at every ## and ### heading, for search and snippets. */
export function lessonSections(lesson: Pick<Lesson, "body" | "title">): LessonSection[] {
  const tokens = tokenizeLesson(lesson.body);
  const sections: LessonSection[] = [];
  let current: LessonSection = { id: "", title: lesson.title, text: "" };
  const push = (text: string) => {
    if (text) current.text = current.text ? `${current.text} ${text}` : text;
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "heading_open") {
      if (current.text || current.id) sections.push(current);
      current = { id: String(token.attrGet("id") ?? ""), title: inlineText(tokens[i + 1]), text: "" };
      i += 2; // the heading's inline and close tokens
    } else if (token.type === "inline") push(inlineText(token));
    else if (token.type === "fence" || token.type === "code_block") push(token.content.replace(/\s+/g, " ").trim());
  }
  if (current.text || current.id) sections.push(current);
  return sections;
}
