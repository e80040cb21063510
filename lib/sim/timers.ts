/**
 * When the kubelet must look at a pod again, by pod key (Cluster.timers): a Map, with the times also
 * kept in a min-heap so that each reconcile round finds the timers that are due, and the cluster the
 * earliest one, without a scan over every timer (one per pod with a probe or a pending start). The
 * heap is lazy: setting a key again pushes a new entry and the old one is dropped when it surfaces.
 * Due timers stay due (and are reported in every round) until their pod's sync sets or deletes them.
 */
export class Timers extends Map<string, number> {
  private heap: { ms: number; key: string }[] = [];
  /** Keys taken off the heap because their time had come; still due while their time is unchanged. */
  private readonly due = new Map<string, number>();

  override set(key: string, ms: number): this {
    super.set(key, ms);
    // Map's constructor calls set before the fields exist.
    if (this.heap) {
      this.push({ ms, key });
      if (this.heap.length > 2 * this.size + 64) this.compact();
    }
    return this;
  }

  override delete(key: string): boolean {
    this.due?.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    super.clear();
    this.heap = [];
    this.due.clear();
  }

  /** The keys whose time is at or before `now`. */
  dueAt(now: number): string[] {
    while (this.heap.length > 0 && this.heap[0].ms <= now) {
      const { ms, key } = this.pop();
      if (super.get(key) === ms) this.due.set(key, ms);
    }
    const keys: string[] = [];
    for (const [key, ms] of this.due) {
      if (super.get(key) === ms && ms <= now) keys.push(key);
      else this.due.delete(key);
    }
    return keys;
  }

  /** The earliest time of any timer (Infinity when there is none). */
  earliest(): number {
    let min = Number.POSITIVE_INFINITY;
    for (const [key, ms] of this.due) if (super.get(key) === ms) min = Math.min(min, ms);
    while (this.heap.length > 0 && super.get(this.heap[0].key) !== this.heap[0].ms) this.pop();
    return this.heap.length > 0 ? Math.min(min, this.heap[0].ms) : min;
  }

  private compact() {
    this.heap = [];
    this.due.clear();
    for (const [key, ms] of this) this.push({ ms, key });
  }

  private push(entry: { ms: number; key: string }) {
    const a = this.heap;
    a.push(entry);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent].ms <= a[i].ms) break;
      [a[i], a[parent]] = [a[parent], a[i]];
      i = parent;
    }
  }

  private pop(): { ms: number; key: string } {
    const a = this.heap;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].ms < a[m].ms) m = l;
        if (r < a.length && a[r].ms < a[m].ms) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
