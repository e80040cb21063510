import type { SanitizedHtml } from "@/lib/content/render-lesson";

/**
 * The one place the app injects HTML. The type only accepts what lib/content/render-lesson has
 * passed through sanitize-html, so raw markdown or user text cannot reach it by accident. biome.json
 * allows dangerouslySetInnerHTML in this file and nowhere else.
 */
export function SanitizedHtmlBlock({ html, className }: { html: SanitizedHtml; className?: string }) {
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
