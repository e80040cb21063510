import { hash32, Rng } from "../../quiz/core/seeded";

// Seeded randomness for demo data: every draw comes from a generator named by the seed and what it
// is for, so one learner's activity does not depend on how many others are generated.

/** A generator for one purpose: the same seed and parts always give the same sequence. */
export const rngFor = (seed: number, ...parts: (string | number)[]) =>
  new Rng(hash32(`demo:${seed}:${parts.join(":")}`));

export const chance = (rng: Rng, p: number) => rng.next() < p;

/** Uniform in [lo, hi). */
export const between = (rng: Rng, lo: number, hi: number) => lo + rng.next() * (hi - lo);

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next(); // (0, 1]: the logarithm stays finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** An item chosen with probability proportional to its weight (weights > 0). */
export function weightedPick<T>(rng: Rng, items: readonly T[], weight: (item: T) => number): T {
  const weights = items.map(weight);
  let r = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

const word = (rng: Rng) => BigInt(Math.floor(rng.next() * 2 ** 32));

/** 64 bits as decimal text: the shape of a quiz attempt's seed (lib/quiz/service/attempt-secrets.ts). */
export const seed64 = (rng: Rng) => ((word(rng) << 32n) | word(rng)).toString();

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** 128 bits as unpadded base64url: the shape of a quiz attempt's secret. */
export function secret128(rng: Rng): string {
  const bytes = Array.from({ length: 16 }, () => rng.int(256));
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += BASE64URL[(value >> bits) & 63];
    }
  }
  if (bits > 0) out += BASE64URL[(value << (6 - bits)) & 63];
  return out;
}
