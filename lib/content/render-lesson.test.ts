import { describe, expect, it } from "vitest";
import { splitFrontmatter } from "./frontmatter";
import { renderLessonHtml } from "./render-lesson";
import { validLesson } from "./test-support/lesson-fixture";

const render = (body: string) => renderLessonHtml({ body });

describe("renderLessonHtml", () => {
  it("gives headings ids and anchor links that match the explicit ids", () => {
    const html = render(splitFrontmatter(validLesson).body);
    expect(html).toContain(
      '<h2 id="alpha">Alpha <a class="anchor" href="#alpha" aria-label="Link to this section">#</a></h2>',
    );
    expect(html).toContain('<h3 id="what-it-is-2">');
    expect(html).not.toContain("{#");
  });

  it("renders the comparison as a real table with column and row headers in a scrollable region", () => {
    const html = render(splitFrontmatter(validLesson).body);
    expect(html).toContain('<div class="table-wrap" role="region" tabindex="0" aria-label="Comparison table"><table>');
    expect(html).toContain('<th scope="col">Alpha</th>');
    expect(html).toContain('<th scope="row">Lifetime</th>');
    expect(html).toContain("<td>Forever</td>");
  });

  it("escapes raw HTML instead of passing it through", () => {
    const html = render('## Title\n\n<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>\n');
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript: links and marks external links noopener", () => {
    const html = render("[bad](javascript:alert(1)) and [good](https://kubernetes.io/docs/)");
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('<a href="https://kubernetes.io/docs/" rel="noopener noreferrer">good</a>');
  });
});
