import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PageSkeleton } from "./page-skeleton";

describe("PageSkeleton", () => {
  it("is a busy status named for what is loading, with its blocks hidden from screen readers", () => {
    const html = renderToStaticMarkup(<PageSkeleton label="Loading your classes…" panels={2} />);
    expect(html).toMatch(/^<div role="status" aria-busy="true" aria-label="Loading your classes…"/);
    expect(html).toContain('<span class="sr-only">Loading your classes…</span><div aria-hidden="true"');
    expect(html.match(/h-24 rounded-lg/g)).toHaveLength(2);
  });
});
