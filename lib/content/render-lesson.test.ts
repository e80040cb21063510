import { describe, expect, it } from "vitest";
import { splitFrontmatter } from "./frontmatter";
import { parseLesson } from "./parse-lesson";
import { readingTime, WORDS_PER_MINUTE } from "./reading-time";
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

describe("cross links in lesson text", () => {
  it("turn glossary: and lesson: hrefs into the app's paths and keep them through the sanitiser", () => {
    const html = render(
      "See [Services](glossary:service), [DNS](lesson:dns-records) and [its table](lesson:a#comparison).",
    );
    expect(html).toContain('<a href="/glossary#term-service" class="glossary-link">Services</a>');
    expect(html).toContain('<a href="/lessons/dns-records" class="lesson-link">DNS</a>');
    expect(html).toContain('<a href="/lessons/a#comparison" class="lesson-link">its table</a>');
  });

  it("drop the href of a malformed one and of any other scheme", () => {
    const html = render('[bad](glossary:"><script>) and [odd](lesson:Not_A_Slug) and [x](data:text/html,hi)');
    expect(html).not.toMatch(/href="(glossary|lesson|data):/i);
    expect(html).not.toContain("<script");
    expect(html).toContain("<a>odd</a>");
  });
});

describe("readingTime", () => {
  it("uses the author's minutes, else the word count at WORDS_PER_MINUTE rounded up, at least one", () => {
    expect(readingTime({ minutes: 12, wordCount: 10 })).toEqual({ minutes: 12, source: "author" });
    expect(readingTime({ wordCount: WORDS_PER_MINUTE * 3 + 1 })).toEqual({ minutes: 4, source: "word-count" });
    expect(readingTime({ wordCount: 0 })).toEqual({ minutes: 1, source: "word-count" });
  });

  it("counts the words of the body, code included, markup not", () => {
    const count = (extra: string) =>
      parseLesson(validLesson.replace("Intro paragraph.", `Intro paragraph.${extra}`), "a.md").lesson!.wordCount;
    const base = count("");
    expect(count(" One **two** `three` [four](lesson:a) five.")).toBe(base + 5);
    expect(count("\n\n```\nkubectl get pods\n```\n\n- | --- |")).toBe(base + 3);
  });
});
