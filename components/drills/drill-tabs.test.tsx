import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DRILL_PANES, DrillTabs, paneProps } from "./drill-tabs";

describe("the drill's panes (WAI-ARIA tabs pattern on a phone)", () => {
  it("renders one tab per pane, only the selected one selected and in the Tab order, each naming its panel", () => {
    const html = renderToStaticMarkup(<DrillTabs active="terminal" onSelect={() => {}} />);
    expect(html).toContain('role="tablist"');
    for (const p of DRILL_PANES) expect(html).toContain(`aria-controls="drill-panel-${p.id}"`);
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(html).toMatch(
      /id="drill-tab-terminal" aria-selected="true" aria-controls="drill-panel-terminal" tabindex="0"/,
    );
    expect(html.match(/tabindex="-1"/g)).toHaveLength(DRILL_PANES.length - 1);
  });

  it("makes each pane a tab panel on a phone, hidden unless selected; side by side a plain, always shown box", () => {
    expect(paneProps("steps", "terminal", false)).toEqual({
      id: "drill-panel-steps",
      role: "tabpanel",
      "aria-labelledby": "drill-tab-steps",
      className: "max-lg:hidden",
    });
    expect(paneProps("terminal", "terminal", false).className).toBe("");
    expect(paneProps("steps", "terminal", true)).toEqual({ id: "drill-panel-steps", className: "max-lg:hidden" });
  });
});
