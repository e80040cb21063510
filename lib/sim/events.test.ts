import { describe, expect, it } from "vitest";
import { EVENT_TTL_MS, EventLog, MAX_EVENTS } from "./events";
import type { InvolvedObject } from "./types";

/** A log on a clock the test moves by hand. */
function log() {
  let now = Date.UTC(2026, 0, 15, 9, 0, 0);
  const clock = { now: () => now, timestamp: (ms = now) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z") };
  return { events: new EventLog(clock), tick: (ms: number) => (now += ms) };
}

const pod = (name: string, namespace = "default"): InvolvedObject => ({
  apiVersion: "v1",
  kind: "Pod",
  name,
  namespace,
  uid: `uid-${namespace}-${name}`,
});
const kubelet = { component: "kubelet", host: "worker-1" };

describe("the event log (client-go's event recorder and the API server's event storage)", () => {
  it("counts a repeat of the same event on the first one, moving its last timestamp (EventCorrelator)", () => {
    const { events, tick } = log();
    events.record(pod("a"), "Normal", "Started", "Started container a", kubelet);
    tick(30_000);
    events.record(pod("a"), "Normal", "Started", "Started container a", kubelet);
    const [e] = events.list("default");
    expect(events.size).toBe(1);
    expect(e).toMatchObject({
      count: 2,
      firstTimestamp: "2026-01-15T09:00:00Z",
      lastTimestamp: "2026-01-15T09:00:30Z",
    });
  });

  it("keeps events apart when any part of getEventKey differs: message, reason, type, source or object", () => {
    const { events } = log();
    events.record(pod("a"), "Normal", "Started", "Started container a", kubelet);
    events.record(pod("a"), "Normal", "Started", "Started container b", kubelet);
    events.record(pod("a"), "Normal", "Created", "Started container a", kubelet);
    events.record(pod("a"), "Warning", "Started", "Started container a", kubelet);
    events.record(pod("a"), "Normal", "Started", "Started container a", { component: "kubelet", host: "worker-2" });
    events.record(pod("b"), "Normal", "Started", "Started container a", kubelet);
    expect(events.list().map((e) => e.count)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("deletes an event an hour after its last update (kube-apiserver --event-ttl defaults to 1h)", () => {
    const { events, tick } = log();
    events.record(pod("old"), "Normal", "Started", "Started container old", kubelet);
    tick(EVENT_TTL_MS / 2);
    events.record(pod("new"), "Normal", "Started", "Started container new", kubelet);
    tick(EVENT_TTL_MS / 2);
    expect(events.list().map((e) => e.involvedObject.name)).toEqual(["old", "new"]);
    tick(1000);
    expect(events.list().map((e) => e.involvedObject.name)).toEqual(["new"]);
    tick(EVENT_TTL_MS);
    expect(events.list()).toEqual([]);
  });

  it(`keeps at most ${MAX_EVENTS} events, dropping the least recently updated first`, () => {
    const { events } = log();
    events.record(pod("kept"), "Normal", "Started", "Started container kept", kubelet);
    for (let i = 0; i < MAX_EVENTS + 500; i++) {
      events.record(pod(`p${i}`), "Normal", "Scheduled", `Successfully assigned default/p${i} to worker-1`, kubelet);
      // A repeat moves "kept" to the back of the queue, so it outlives everything recorded before.
      if (i === MAX_EVENTS - 10) events.record(pod("kept"), "Normal", "Started", "Started container kept", kubelet);
    }
    const names = events.list().map((e) => e.involvedObject.name);
    expect(events.size).toBe(MAX_EVENTS);
    expect(names).toContain("kept");
    expect(names).not.toContain("p0");
    expect(names.at(-1)).toBe(`p${MAX_EVENTS + 499}`);
  });

  it("records events about cluster-scoped objects in the default namespace (client-go makeEvent)", () => {
    const { events } = log();
    const node = { apiVersion: "", kind: "Node", name: "worker-1", uid: "worker-1" };
    events.record(node, "Normal", "NodeNotSchedulable", "Node worker-1 status is now: NodeNotSchedulable", kubelet);
    expect(events.list("default").map((e) => e.involvedObject.kind)).toEqual(["Node"]);
  });

  it("names an event <object>.<creation time in hex nanoseconds>, unique within one millisecond", () => {
    const { events } = log();
    events.record(pod("a"), "Normal", "Created", "Created container a", kubelet);
    events.record(pod("a"), "Normal", "Started", "Started container a", kubelet);
    const names = events.list().map((e) => e.metadata.name);
    expect(names[0]).toMatch(/^a\.[0-9a-f]{16}$/);
    expect(new Set(names).size).toBe(2);
    expect(BigInt(`0x${names[0].split(".")[1]}`) / 1_000_000n).toBe(BigInt(Date.UTC(2026, 0, 15, 9, 0, 0)));
  });

  it("forgets the events of a deleted namespace and keeps the others", () => {
    const { events } = log();
    events.record(pod("a", "team"), "Normal", "Started", "Started container a", kubelet);
    events.record(pod("b"), "Normal", "Started", "Started container b", kubelet);
    events.forgetNamespace("team");
    expect(events.list().map((e) => e.metadata.namespace)).toEqual(["default"]);
  });
});
