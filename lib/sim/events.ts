import type { InvolvedObject, KubeEvent, KubeObject } from "./types";

/** kube-apiserver's --event-ttl default: an event is deleted one hour after it was last updated. */
export const EVENT_TTL_MS = 60 * 60 * 1000;
/**
 * At most this many events are kept; past it the least recently updated go first. A learner's
 * cluster never gets near it; a 30,000-pod benchmark cluster would otherwise keep 150,000.
 */
export const MAX_EVENTS = 1000;

export interface EventSource {
  /** The reporting component: kubelet, default-scheduler, replicaset-controller, ... */
  component: string;
  /** The node, for a kubelet's events. */
  host?: string;
}

/** client-go getEventKey's fields, compared for an entry already about the same object uid. */
function sameEvent(
  e: Entry,
  involved: InvolvedObject,
  type: KubeEvent["type"],
  reason: string,
  message: string,
  source: EventSource,
): boolean {
  return (
    e.reason === reason &&
    e.message === message &&
    e.type === type &&
    e.involved.fieldPath === involved.fieldPath &&
    e.involved.kind === involved.kind &&
    e.involved.name === involved.name &&
    e.involved.namespace === involved.namespace &&
    e.involved.apiVersion === involved.apiVersion &&
    e.source.component === source.component &&
    e.source.host === source.host
  );
}

interface Entry {
  involved: InvolvedObject;
  namespace: string;
  type: KubeEvent["type"];
  reason: string;
  message: string;
  source: EventSource;
  sequence: number;
  firstMs: number;
  lastMs: number;
  count: number;
}

/** The reference to an object that events about it carry (fields in the alphabetical order kubectl prints). */
export const involvedObject = (object: KubeObject, fieldPath?: string): InvolvedObject => ({
  apiVersion: object.apiVersion,
  ...(fieldPath ? { fieldPath } : {}),
  kind: object.kind,
  name: object.metadata.name,
  ...(object.metadata.namespace !== undefined ? { namespace: object.metadata.namespace } : {}),
  uid: object.metadata.uid,
});

/**
 * The cluster's events, as client-go's event recorder and the API server keep them: a repeat of the
 * same event (same source, object, type, reason and message: client-go's getEventKey) updates the
 * first one's count and last timestamp instead of adding another (EventCorrelator); events expire
 * EVENT_TTL_MS after their last update. Timestamps come from the simulated clock, so the log is
 * deterministic.
 */
export class EventLog {
  /** Every live entry, in order of last update (a Set keeps insertion order; an update re-inserts). */
  private readonly order = new Set<Entry>();
  /** Entries by the uid of the object they are about: a repeat is looked for among these few. */
  private readonly byObject = new Map<string, Entry[]>();
  private sequence = 0;
  /** Every event recorded, repeats included (the reconcile check compares it before and after). */
  writes = 0;
  private expiredAt = Number.NaN;

  constructor(
    private readonly clock: {
      now(): number;
      timestamp(ms?: number): string;
      namespaceAcceptsContent?(name: string): boolean;
    },
  ) {}

  get size(): number {
    return this.order.size;
  }

  record(
    involved: InvolvedObject,
    type: KubeEvent["type"],
    reason: string,
    message: string,
    source: EventSource,
  ): void {
    // NamespaceLifecycle admission refuses new objects, events included, in a namespace that is gone or
    // terminating (a pod shutting down there reports into nothing).
    if (involved.namespace !== undefined && this.clock.namespaceAcceptsContent?.(involved.namespace) === false) return;
    this.writes++;
    const now = this.clock.now();
    this.expire(now);
    const related = this.byObject.get(involved.uid);
    const seen = related?.find((e) => sameEvent(e, involved, type, reason, message, source));
    if (seen) {
      this.order.delete(seen);
      this.order.add(seen);
      seen.count++;
      seen.lastMs = now;
      return;
    }
    this.sequence++;
    const entry: Entry = {
      involved,
      // Events about cluster-scoped objects (nodes) are recorded in the default namespace.
      namespace: involved.namespace ?? "default",
      type,
      reason,
      message,
      source,
      sequence: this.sequence,
      firstMs: now,
      lastMs: now,
      count: 1,
    };
    this.order.add(entry);
    if (related) related.push(entry);
    else this.byObject.set(involved.uid, [entry]);
    if (this.order.size > MAX_EVENTS) this.remove(this.order.values().next().value!);
  }

  /** The live events of one namespace (or all), in order of their last update. */
  list(namespace?: string): KubeEvent[] {
    this.expire(this.clock.now());
    const out: KubeEvent[] = [];
    for (const e of this.order) if (namespace === undefined || e.namespace === namespace) out.push(this.toEvent(e));
    return out;
  }

  /** Deleting a namespace deletes the events in it. */
  forgetNamespace(namespace: string): void {
    for (const e of this.order) if (e.namespace === namespace) this.remove(e);
  }

  private remove(entry: Entry): void {
    this.order.delete(entry);
    const related = this.byObject.get(entry.involved.uid)!;
    related.splice(related.indexOf(entry), 1);
    if (related.length === 0) this.byObject.delete(entry.involved.uid);
  }

  private expire(now: number): void {
    // The clock only moves forward and entries are in order of last update: nothing new can have
    // expired within the same millisecond, and the first live entry ends the search.
    if (now === this.expiredAt) return;
    this.expiredAt = now;
    for (const e of this.order) {
      if (now - e.lastMs <= EVENT_TTL_MS) break;
      this.remove(e);
    }
  }

  private toEvent(e: Entry): KubeEvent {
    // Upstream names an event <object>.<creation time in Unix nanoseconds, hex>; the sequence
    // number stands in for the nanoseconds, keeping names unique within one simulated millisecond.
    const nanos = BigInt(e.firstMs) * 1_000_000n + BigInt(e.sequence % 1_000_000);
    return {
      apiVersion: "v1",
      count: e.count,
      firstTimestamp: this.clock.timestamp(e.firstMs),
      involvedObject: e.involved,
      kind: "Event",
      lastTimestamp: this.clock.timestamp(e.lastMs),
      message: e.message,
      metadata: {
        name: `${e.involved.name}.${nanos.toString(16)}`,
        namespace: e.namespace,
        // Events have their own uid and resourceVersion series, so recording one changes no other object.
        uid: `5a1e0000-0000-4000-9000-${e.sequence.toString(16).padStart(12, "0")}`,
        creationTimestamp: this.clock.timestamp(e.firstMs),
        resourceVersion: String(e.sequence),
      },
      reason: e.reason,
      reportingComponent: e.source.component,
      reportingInstance: e.source.host ?? "",
      source: e.source,
      type: e.type,
    };
  }
}
