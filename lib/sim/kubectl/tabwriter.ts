/**
 * Go's text/tabwriter as kubectl's describers use it (describe.go tabbedString: minwidth 0, tabwidth 8,
 * padding 2, pad with spaces, no flags). Cells are the tab-terminated pieces of a line; the last piece
 * of a line is not a cell and is not aligned. A column is aligned over each block of consecutive lines
 * that have a cell in it, and within that block the next column the same way (Writer.format), so a line
 * without a tab ends every block above it.
 */
export function tabwrite(text: string, padding = 2): string {
  const lines = text.split("\n").map((line) => line.split("\t"));
  const widths = lines.map((cells) => new Array<number>(cells.length).fill(0));
  const width = (s: string) => [...s].length;
  const format = (line0: number, line1: number, column: number) => {
    for (let i = line0; i < line1; i++) {
      if (lines[i].length - 1 <= column) continue;
      let j = i;
      let w = 0;
      for (; j < line1 && lines[j].length - 1 > column; j++) w = Math.max(w, width(lines[j][column]) + padding);
      for (let k = i; k < j; k++) widths[k][column] = w;
      format(i, j, column + 1);
      i = j;
    }
  };
  format(0, lines.length, 0);
  return lines
    .map((cells, i) =>
      cells.map((cell, k) => (k < cells.length - 1 ? cell + " ".repeat(widths[i][k] - width(cell)) : cell)).join(""),
    )
    .join("\n");
}
