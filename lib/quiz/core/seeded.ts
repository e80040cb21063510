import { Rng } from "../../sim/rng";

export { Rng };

/**
 * An attempt's seed. Generation only ever hashes its decimal text (`${seed}`), so the 31-bit
 * integers of early attempts and the 64-bit decimal strings of new ones (crypto randomness on the
 * server) both work, and an old seed stored as text draws the same quiz as before.
 */
export type QuizSeed = number | string;

/** A 32-bit FNV-1a hash: turns text (a lesson slug, a question id) into a seed or a short id. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** An id that says nothing about the text it stands for (so an option id never hints at the key). */
export const opaqueId = (scope: string, text: string) => hash32(`${scope}\u0000${text}`).toString(36).padStart(7, "0");

export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function sample<T>(items: readonly T[], count: number, rng: Rng): T[] {
  return shuffle(items, rng).slice(0, count);
}

/** Compares free-text answers: case, spacing, hyphens and a plural "s" do not matter. */
export const normaliseTerm = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .replace(/s$/, "");
