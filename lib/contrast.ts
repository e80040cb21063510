// WCAG 2.x contrast for the theme's colours, so a test can hold every text/background pair the app
// uses to AA in both colour schemes. Pure: strings in, numbers out.
//
// Relative luminance and the contrast ratio are WCAG 2.2's definitions ("relative luminance",
// "contrast ratio" in the glossary: sRGB channels linearised, 0.2126 R + 0.7152 G + 0.0722 B, and
// (L1 + 0.05) / (L2 + 0.05)). Tailwind's palette is written in oklch; it is converted through
// Oklab to linear sRGB (Björn Ottosson's published matrices, as CSS Color 4 uses them), with
// channels clamped to the sRGB gamut.

/** Linear-light sRGB channels, each 0..1. */
export type LinearRgb = readonly [number, number, number];

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

function fromHex(hex: string): LinearRgb {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join("") : hex.slice(1);
  const channel = (i: number) => toLinear(Number.parseInt(h.slice(i, i + 2), 16) / 255);
  return [channel(0), channel(2), channel(4)];
}

function fromOklch(lightness: number, chroma: number, hueDeg: number): LinearRgb {
  const hue = (hueDeg * Math.PI) / 180;
  const a = chroma * Math.cos(hue);
  const b = chroma * Math.sin(hue);
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    clamp01(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s),
    clamp01(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s),
    clamp01(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s),
  ];
}

/** `#rgb`, `#rrggbb` or `oklch(L% C H)` as linear sRGB. */
export function parseColor(text: string): LinearRgb {
  const value = text.trim();
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) return fromHex(value);
  const oklch = /^oklch\(\s*([\d.]+)%\s+([\d.]+)\s+([\d.]+)\s*\)$/i.exec(value);
  if (oklch) return fromOklch(Number(oklch[1]) / 100, Number(oklch[2]), Number(oklch[3]));
  throw new Error(`not a colour this module reads: ${text}`);
}

export function relativeLuminance(color: string): number {
  const [r, g, b] = parseColor(color);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio, 1 to 21, whichever colour is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export interface SchemeColor {
  light: string;
  dark: string;
}

/** The theme's `--color-NAME: light-dark(LIGHT, DARK);` declarations, by NAME (e.g. "slate-900"). */
export function themeColors(css: string): Map<string, SchemeColor> {
  const colors = new Map<string, SchemeColor>();
  const declaration =
    /--color-([a-z]+(?:-\d+)?):\s*light-dark\(\s*(#[0-9a-f]+|oklch\([^)]*\))\s*,\s*(#[0-9a-f]+|oklch\([^)]*\))\s*\)/gi;
  for (const [, name, light, dark] of css.matchAll(declaration)) colors.set(name, { light, dark });
  return colors;
}
