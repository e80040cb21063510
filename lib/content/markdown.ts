import type { Token } from "markdown-it";
import MarkdownIt from "markdown-it";

// Raw HTML in lessons is escaped, not passed through; rendering also goes through sanitize-html.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9\s-]/g, "")
    .trim()
    .replace(/[\s-]+/g, "-");
}

/** Plain text of an inline token: formatting dropped, code spans kept as their text. */
export function inlineText(token: Token | undefined): string {
  if (!token) return "";
  if (!token.children) return token.content;
  return token.children
    .map((child) =>
      child.type === "text" || child.type === "code_inline" ? child.content : child.type === "softbreak" ? " " : "",
    )
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

const explicitId = /\s*\{#([a-z0-9-]+)\}\s*$/;

/**
 * Tokenises a lesson body and gives every h2/h3 an id: an explicit `{#id}` suffix wins, otherwise
 * the slug of its text; repeats get -2, -3. The same tokens serve parsing and rendering, so the
 * table of contents and the rendered anchors always agree.
 */
export function tokenizeLesson(body: string): Token[] {
  const tokens = md.parse(body, {});
  const used = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== "heading_open") continue;
    const inline = tokens[i + 1];
    let id: string | undefined;
    const last = inline.children?.[inline.children.length - 1];
    const match = last?.type === "text" ? explicitId.exec(last.content) : null;
    if (match && last) {
      id = match[1];
      last.content = last.content.replace(explicitId, "");
      inline.content = inline.content.replace(explicitId, "");
    }
    id ??= slugify(inlineText(inline)) || "section";
    const seen = used.get(id) ?? 0;
    used.set(id, seen + 1);
    token.attrSet("id", seen === 0 ? id : `${id}-${seen + 1}`);
  }
  return tokens;
}

export function renderTokens(tokens: Token[]): string {
  return md.renderer.render(tokens, md.options, {});
}

export type { Token };
