import type { Observation } from "../../quiz/core/types";

// The HTML both formats put in question texts and feedback (GIFT as [html], Moodle XML as
// format="html"): plain text escaped, `backticked` commands as <code> as the quiz player shows
// them, and simulator transcripts as <pre> as its terminal shows them.

/** Text as HTML element content: `&`, `<` and `>` escaped (so `->` can never reach GIFT's matching arrow). */
export const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A sentence of the quiz, with its `backticked` parts as code (components/quiz/inline-code.tsx). */
export function inlineHtml(text: string): string {
  return text
    .split(/(`[^`]+`)/g)
    .map((part) =>
      part.startsWith("`") && part.endsWith("`") && part.length > 2
        ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
        : escapeHtml(part),
    )
    .join("");
}

export const paragraph = (text: string) => `<p>${inlineHtml(text)}</p>`;

/** Commands and what the simulator printed, as one preformatted terminal session. */
export function transcriptHtml(lines: readonly Observation[]): string {
  const body = lines
    .map((l) => {
      const output = l.output.trimEnd();
      return output ? `$ ${l.command}\n${output}` : `$ ${l.command}`;
    })
    .join("\n");
  return `<pre>${escapeHtml(body)}</pre>`;
}
