import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";

/** The rows of a table, split on kubectl's three-space column gaps. */
const rows = (table: string) =>
  table
    .trimEnd()
    .split("\n")
    .map((l) => l.split(/ {3,}/));

describe("kubectl events (kubectl's events command)", () => {
  it("prints LAST SEEN, TYPE, REASON, OBJECT as Kind/name, and MESSAGE", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    const [header, first] = rows(h.ok("kubectl events"));
    expect(header).toEqual(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]);
    expect(first).toEqual([
      "1s",
      "Normal",
      "Scheduled",
      "Pod/app",
      expect.stringMatching(/^Successfully assigned default\/app to worker-\d$/),
    ]);
  });

  it("sorts by last timestamp, oldest first, and shows a repeat as LAST (xCOUNT over FIRST)", () => {
    const h = harness();
    // Tagged images start at once (IfNotPresent): each pod's events come in one burst.
    h.ok("kubectl run app --image=nginx:1.27");
    h.ok("sleep 60");
    h.ok("kubectl run late --image=nginx:1.27");
    h.run("kubectl exec app -- kill 1");
    const table = rows(h.ok("kubectl events")).slice(1);
    expect(table.map((r) => `${r[3]} ${r[2]}`)).toEqual([
      "Pod/app Scheduled",
      "Pod/late Scheduled",
      "Pod/late Pulled",
      "Pod/late Created",
      "Pod/late Started",
      "Pod/app Pulled",
      "Pod/app Created",
      "Pod/app Started",
    ]);
    // Each command takes a simulated second: app started 64 s before this listing, restarted 1 s before.
    expect(table.at(-1)![0]).toBe("1s (x2 over 64s)");
  });

  it("adds a NAMESPACE column with -A, and says when there is nothing to show", () => {
    const h = harness();
    expect(h.ok("kubectl events")).toBe("No events found in default namespace.\n");
    expect(h.ok("kubectl events -A")).toBe("No events found.\n");
    h.ok("kubectl create namespace team");
    h.ok("kubectl run app -n team --image=nginx");
    expect(h.ok("kubectl events")).toBe("No events found in default namespace.\n");
    const [header, first] = rows(h.ok("kubectl events -A"));
    expect(header[0]).toBe("NAMESPACE");
    expect(first.slice(0, 4)).toEqual(["team", "2s", "Normal", "Scheduled"]);
  });

  it("filters with --for TYPE/NAME (any alias of the type) and --types, rejecting what kubectl rejects", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    const forDeployment = rows(h.ok("kubectl events --for deploy/web")).slice(1);
    expect(forDeployment.map((r) => r[2])).toEqual(["ScalingReplicaSet"]);
    expect(h.ok("kubectl events --types=Warning")).toBe("No events found in default namespace.\n");
    expect(rows(h.ok("kubectl events --types=normal")).length).toBeGreaterThan(1);
    expect(h.fails("kubectl events --types=Error")).toBe("error: valid --types are Normal or Warning\n");
    expect(h.fails("kubectl events --for web")).toBe("error: --for must be in resource/name form\n");
    expect(h.fails("kubectl events --for widget/web")).toBe(
      'error: the server doesn\'t have a resource type "widget"\n',
    );
  });

  it("prints -o yaml as a List of core/v1 Events, and the same events for the same seed", () => {
    const run = () => {
      const h = harness({ seed: 4 });
      h.ok("kubectl create deployment web --image=nginx --replicas=2");
      return h.ok("kubectl events -o yaml");
    };
    const yaml = run();
    expect(yaml).toMatch(/^apiVersion: v1\nitems:\n {2}- apiVersion: v1\n {4}count: 1\n/);
    expect(yaml).toContain("reason: ScalingReplicaSet");
    expect(run()).toBe(yaml);
  });
});
