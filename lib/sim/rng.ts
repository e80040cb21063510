/** A small seeded PRNG (mulberry32): the simulator's only source of randomness. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** The generator's position, to put back after a look that must not change later choices. */
  save(): number {
    return this.state;
  }
  restore(state: number): void {
    this.state = state;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}
