/**
 * Slows password guessing: after `limit` failed sign-ins for one e-mail within `windowMs`, further
 * attempts are refused until the oldest failure leaves the window. Kept in the server's memory: a
 * restart forgets it, and several server processes would each keep their own count.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfter(key: string, now: number): number {
    const list = this.recent(key, now);
    return list.length < this.limit ? 0 : Math.ceil((list[0] + this.windowMs - now) / 1000);
  }

  fail(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
