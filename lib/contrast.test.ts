import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio, themeColors } from "./contrast";

const root = join(__dirname, "..");
const colors = themeColors(readFileSync(join(root, "app/globals.css"), "utf8"));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const COLOR = /^(?:[a-z-]+:|\[[^\]]+\]:)*(text|fill|bg)-([a-z]+(?:-\d+)?)(?:\/\d+)?$/;

/**
 * Every text colour the app sets beside a background in one class string (a quoted string or a
 * template's literal part), and, where a string sets no background, on the two page surfaces
 * (white cards, the slate-50 page). Variants (hover:, has-…:) count as the same element.
 */
function pairsInUse(): { text: string; bg: string; where: string }[] {
  const pairs = new Map<string, { text: string; bg: string; where: string }>();
  const classes = [...sources("app"), ...sources("components")].flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/"([^"\n]*)"|`([^`]*)`/g)].map((m) => ({
      file,
      text: (m[1] ?? m[2]).replace(/\$\{[^}]*\}/g, " "),
    })),
  );
  for (const { file, text } of classes) {
    const texts: string[] = [];
    const bgs: string[] = [];
    for (const token of text.split(/\s+/)) {
      const m = COLOR.exec(token);
      if (!m || !colors.has(m[2])) continue;
      (m[1] === "bg" ? bgs : texts).push(m[2]);
    }
    if (texts.length === 0) continue;
    for (const fg of texts)
      for (const bg of bgs.length > 0 ? bgs : ["white", "slate-50"])
        pairs.set(`${fg} on ${bg}`, { text: fg, bg, where: file.slice(root.length + 1) });
  }
  return [...pairs.values()];
}

const ratio = (fg: string, bg: string, scheme: "light" | "dark") =>
  contrastRatio(colors.get(fg)?.[scheme] ?? "", colors.get(bg)?.[scheme] ?? "");

describe("the colour schemes' contrast (WCAG 2.2 AA: 4.5:1 text, 3:1 large text and UI)", () => {
  it("computes WCAG's ratio: black on white is 21, a colour on itself 1", () => {
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777", "#777")).toBe(1);
    // #767676 on white is the well-known lightest grey that passes 4.5:1.
    expect(contrastRatio("#767676", "#ffffff")).toBeGreaterThan(4.5);
    expect(contrastRatio("oklch(100% 0 0)", "#fff")).toBeCloseTo(1, 3);
  });

  it("defines every brand colour the app's classes name (Tailwind drops an undefined one without a word)", () => {
    const used = new Set(
      [...sources("app"), ...sources("components")].flatMap((file) =>
        [
          ...readFileSync(file, "utf8").matchAll(
            /\b(?:text|bg|border|fill|stroke|ring|outline|from|to|decoration)-(brand-\d+)\b/g,
          ),
        ].map((m) => m[1]),
      ),
    );
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((name) => !colors.has(name))).toEqual([]);
  });

  it("gives every theme colour a dark value", () => {
    for (const name of [
      "white",
      "slate-50",
      "slate-900",
      "brand-600",
      "emerald-50",
      "amber-900",
      "red-700",
      "blue-400",
    ])
      expect(colors.has(name), name).toBe(true);
  });

  it("keeps every text/background pair the app uses at least as readable in the dark scheme", () => {
    const pairs = pairsInUse();
    expect(pairs.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const { text, bg, where } of pairs) {
      const light = ratio(text, bg, "light");
      // What the light scheme promises, the dark one keeps: text at 4.5:1 stays at 4.5:1, large
      // text at 3:1 stays at 3:1. A pair below 3:1 in light is not text on that background (white
      // text on a coloured parent, a decorative glyph) and is left to axe's checks of the pages.
      const needed = light >= 4.5 ? 4.5 : light >= 3 ? 3 : 0;
      const dark = ratio(text, bg, "dark");
      if (dark < needed) failures.push(`${text} on ${bg} (${where}): ${dark.toFixed(2)} < ${needed}`);
    }
    expect(failures).toEqual([]);
  });

  it("keeps the focus outline, buttons and chart bars (brand-600) at 3:1 against both surfaces in both schemes", () => {
    for (const scheme of ["light", "dark"] as const)
      for (const bg of ["white", "slate-50"]) expect(ratio("brand-600", bg, scheme)).toBeGreaterThanOrEqual(3);
  });

  it("keeps the main text at 4.5:1 on every surface in both schemes", () => {
    for (const scheme of ["light", "dark"] as const)
      for (const fg of ["slate-900", "slate-800", "slate-700", "slate-600", "brand-700"])
        for (const bg of ["white", "slate-50", "slate-100"])
          expect(ratio(fg, bg, scheme), `${fg} on ${bg} (${scheme})`).toBeGreaterThanOrEqual(4.5);
  });
});
