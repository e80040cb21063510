import { describe, expect, it } from "vitest";
import { tabwrite } from "./tabwriter";

// Go's text/tabwriter with kubectl's settings (padding 2): columns align per block of consecutive
// lines that have the cell; a line without a tab ends the block.
describe("tabwrite", () => {
  it("aligns a column over consecutive lines and starts again after a line without a tab", () => {
    expect(tabwrite("Name:\tweb\nNamespace:\tdefault\nPorts:\n  Name\tPort\n  <unset>\t80")).toBe(
      "Name:       web\nNamespace:  default\nPorts:\n  Name     Port\n  <unset>  80",
    );
  });
  it("aligns a nested column only within its own block", () => {
    expect(tabwrite("a\tb\tc\naaaa\tb\nx\tyyyy\tz")).toBe("a     b  c\naaaa  b\nx     yyyy  z");
  });
});
