import type { NodeObject } from "./types";

/** The order of `cluster.nodes()` (String.prototype.localeCompare with no locale is this collator's compare). */
const byName = new Intl.Collator().compare;

/**
 * The scheduler's candidate nodes, kept between reconciles: the schedulable nodes ordered by (pod count,
 * name), the least-loaded node on top and ties in `cluster.nodes()` order. The store moves a node when
 * its pod count changes (a pod bound to it, deleted or gone) and adds or drops it when it is created,
 * cordoned, uncordoned or deleted, so a pending pod costs a look at the top of the heap, not a heap
 * built over every node.
 */
export class NodeHeap {
  private readonly items: NodeObject[] = [];
  private readonly position = new Map<string, number>();

  constructor(private readonly load: (node: string) => number) {}

  private less(a: NodeObject, b: NodeObject): boolean {
    const la = this.load(a.metadata.name);
    const lb = this.load(b.metadata.name);
    return la < lb || (la === lb && byName(a.metadata.name, b.metadata.name) < 0);
  }

  get size(): number {
    return this.items.length;
  }

  /** Adds the node, or takes its new object and places it again. */
  set(node: NodeObject): void {
    const at = this.position.get(node.metadata.name);
    if (at === undefined) {
      this.items.push(node);
      this.position.set(node.metadata.name, this.items.length - 1);
      this.up(this.items.length - 1);
    } else {
      this.items[at] = node;
      this.moved(node.metadata.name);
    }
  }

  delete(name: string): void {
    const at = this.position.get(name);
    if (at === undefined) return;
    this.position.delete(name);
    const last = this.items.pop()!;
    if (at === this.items.length) return;
    this.items[at] = last;
    this.position.set(last.metadata.name, at);
    this.up(at);
    this.down(this.position.get(last.metadata.name)!);
  }

  /** The node's pod count changed: back to its place. */
  moved(name: string): void {
    const at = this.position.get(name);
    if (at === undefined) return;
    this.up(at);
    this.down(this.position.get(name)!);
  }

  /**
   * The first node in (pod count, name) order that `accept` takes, without changing the heap: a
   * best-first walk down the heap's tree, which looks at the nodes before it and their children only.
   */
  first(accept: (node: NodeObject) => boolean): NodeObject | undefined {
    const a = this.items;
    if (a.length === 0) return undefined;
    if (accept(a[0])) return a[0];
    const frontier: number[] = [];
    const push = (i: number) => {
      if (i >= a.length) return;
      frontier.push(i);
      for (let j = frontier.length - 1; j > 0; ) {
        const parent = (j - 1) >> 1;
        if (!this.less(a[frontier[j]], a[frontier[parent]])) break;
        [frontier[j], frontier[parent]] = [frontier[parent], frontier[j]];
        j = parent;
      }
    };
    const pop = () => {
      const top = frontier[0];
      const last = frontier.pop()!;
      if (frontier.length > 0) {
        frontier[0] = last;
        for (let j = 0; ; ) {
          const l = 2 * j + 1;
          const r = l + 1;
          let m = j;
          if (l < frontier.length && this.less(a[frontier[l]], a[frontier[m]])) m = l;
          if (r < frontier.length && this.less(a[frontier[r]], a[frontier[m]])) m = r;
          if (m === j) break;
          [frontier[j], frontier[m]] = [frontier[m], frontier[j]];
          j = m;
        }
      }
      return top;
    };
    push(1);
    push(2);
    while (frontier.length > 0) {
      const i = pop();
      if (accept(a[i])) return a[i];
      push(2 * i + 1);
      push(2 * i + 2);
    }
    return undefined;
  }

  private swap(i: number, j: number) {
    const a = this.items;
    [a[i], a[j]] = [a[j], a[i]];
    this.position.set(a[i].metadata.name, i);
    this.position.set(a[j].metadata.name, j);
  }

  private up(i: number) {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.items[i], this.items[parent])) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number) {
    const a = this.items;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && this.less(a[l], a[m])) m = l;
      if (r < a.length && this.less(a[r], a[m])) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
