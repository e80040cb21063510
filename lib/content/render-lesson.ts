import sanitizeHtml from "sanitize-html";
import { crossLinkPath, isCrossLinkHref, parseCrossLink } from "./cross-links";
import { renderTokens, type Token, tokenizeLesson } from "./markdown";
import type { Lesson } from "./types";

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "p",
    "a",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "del",
  ],
  allowedAttributes: {
    h2: ["id"],
    h3: ["id"],
    h4: ["id"],
    a: ["href", "aria-label", "class"],
    th: ["scope", "style"],
    td: ["style"],
    div: ["class", "role", "tabindex", "aria-label"],
    code: ["class"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  transformTags: {
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? "");
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer" } : attribs };
    },
  },
};
(allowed.allowedAttributes as Record<string, string[]>).a.push("rel");

/** First cells of body rows name the row, so they become row headers for screen readers. */
function markRowHeaders(tokens: Token[]): void {
  let inBody = false;
  let firstCell = false;
  for (const token of tokens) {
    if (token.type === "tbody_open") inBody = true;
    else if (token.type === "tbody_close") inBody = false;
    else if (token.type === "tr_open") firstCell = true;
    else if (token.type === "th_open" && !inBody) token.attrSet("scope", "col");
    else if (inBody && firstCell && (token.type === "td_open" || token.type === "td_close")) {
      token.type = token.type === "td_open" ? "th_open" : "th_close";
      token.tag = "th";
      if (token.type === "th_open") token.attrSet("scope", "row");
      else firstCell = false;
    }
  }
}

/**
 * `glossary:` and `lesson:` hrefs become the app's own paths; a malformed one loses its href (and
 * content:check reports it), so the sanitiser never sees a scheme it does not know.
 */
function resolveCrossLinks(tokens: Token[]): void {
  for (const child of tokens.flatMap((t) => t.children ?? [])) {
    const href = child.type === "link_open" ? String(child.attrGet("href") ?? "") : "";
    if (!isCrossLinkHref(href)) continue;
    const link = parseCrossLink(href);
    if (!link) {
      child.attrs = (child.attrs ?? []).filter(([name]) => name !== "href");
      continue;
    }
    child.attrSet("href", crossLinkPath(link));
    child.attrSet("class", link.kind === "glossary" ? "glossary-link" : "lesson-link");
  }
}

/** HTML that has been through sanitize-html with the lesson allow-list; the only HTML a page may inject. */
export type SanitizedHtml = string & { readonly __sanitized: true };

/** Lesson body as sanitised HTML: heading anchors, scrollable tables with row and column headers, cross links. */
export function renderLessonHtml(lesson: Pick<Lesson, "body">): SanitizedHtml {
  const tokens = tokenizeLesson(lesson.body);
  markRowHeaders(tokens);
  resolveCrossLinks(tokens);
  const html = renderTokens(tokens)
    .replace(/<table>/g, '<div class="table-wrap" role="region" tabindex="0" aria-label="Comparison table"><table>')
    .replace(/<\/table>/g, "</table></div>")
    .replace(
      /<(h[23]) id="([^"]+)">([\s\S]*?)<\/\1>/g,
      (_m, tag: string, id: string, inner: string) =>
        `<${tag} id="${id}">${inner} <a class="anchor" href="#${id}" aria-label="Link to this section">#</a></${tag}>`,
    );
  return sanitizeHtml(html, allowed) as SanitizedHtml;
}
