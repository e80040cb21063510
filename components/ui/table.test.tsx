import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table } from "./table";

describe("Table", () => {
  it("scrolls inside a named region that keyboard users can focus", () => {
    const html = renderToStaticMarkup(
      <Table label="Scores per learner" className="mt-3">
        <tbody>
          <tr>
            <td>80%</td>
          </tr>
        </tbody>
      </Table>,
    );
    expect(html).toBe(
      '<section aria-label="Scores per learner" tabindex="0" class="rounded-lg border border-slate-200 bg-white overflow-x-auto mt-3">' +
        '<table class="w-full text-left text-sm"><tbody><tr><td>80%</td></tr></tbody></table></section>',
    );
  });
});
