import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";
import { kubectl } from "../kubectl";

// kubectl wait: staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go (conditionFuncFor, RunWait,
// getObjAndCheckCondition, IsDeleted, extendErrWaitTimeout), read through the search tool.

describe("kubectl wait", () => {
  it("--for=condition=Ready prints 'condition met' per object, by name, -l or --all", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    h.ok("kubectl run db --image=nginx");
    expect(h.ok("kubectl wait --for=condition=Ready pod/db")).toBe("pod/db condition met\n");
    const web = h.podsNamed("web-").map((p) => `pod/${p.metadata.name} condition met`);
    expect(h.ok("kubectl wait --for=condition=Ready pods -l app=web").trimEnd().split("\n")).toEqual(web);
    expect(h.ok("kubectl wait --for=condition=ready pods --all").trimEnd().split("\n")).toEqual([
      "pod/db condition met",
      ...web,
    ]);
  });

  it("waits in simulated time and fails after --timeout with kubectl's message and a non-zero exit", () => {
    const h = harness();
    h.ok("kubectl run db --image=nginx:1.27"); // IfNotPresent: Ready at once, and it stays Ready
    const before = h.cluster.now();
    const result = h.run("kubectl wait --for=condition=Ready=false pod/db --timeout=5s");
    expect(result).toEqual({ output: "error: timed out waiting for the condition on pods/db\n", exitCode: 1 });
    // One second for typing the command, then the five seconds of the timeout.
    expect(h.cluster.now() - before).toBe(6000);
  });

  it("the default timeout is 30s; --timeout=0 checks once", () => {
    const h = harness();
    h.ok("kubectl run db --image=nginx:1.27"); // IfNotPresent: Ready at once, and it stays Ready
    const before = h.cluster.now();
    h.fails("kubectl wait --for=condition=Ready=false pod/db");
    expect(h.cluster.now() - before).toBe(31_000);
    expect(h.fails("kubectl wait --for=condition=Ready=false pod/db --timeout=0")).toBe(
      "error: condition not met for pods/db\n",
    );
  });

  it("--for=delete waits for a terminating pod to go, and is satisfied at once by one that is gone", () => {
    const h = harness();
    h.ok("kubectl run db --image=nginx");
    const ctx = { cluster: h.cluster, readFile: () => null };
    // Called without the prompt, so no second passes between the two commands.
    expect(kubectl(ctx, ["delete", "pod", "db", "--wait=false"]).exitCode).toBe(0);
    const before = h.cluster.now();
    expect(kubectl(ctx, ["wait", "--for=delete", "pod/db"])).toEqual({ output: "pod/db condition met\n", exitCode: 0 });
    expect(h.cluster.now()).toBeGreaterThan(before);
    // RunWait ignores NotFound for --for=delete: nothing to print, exit code 0.
    expect(h.ok("kubectl wait --for=delete pod/db")).toBe("");
    expect(h.fails("kubectl wait --for=condition=Ready pod/db")).toBe(
      'Error from server (NotFound): pods "db" not found\n',
    );
  });

  it("--for=jsonpath=EXPR=VALUE compares the value as printed; without a value any value will do", () => {
    const h = harness();
    h.ok("kubectl run db --image=nginx");
    expect(h.ok("kubectl wait --for=jsonpath={.status.phase}=Running pod/db")).toBe("pod/db condition met\n");
    expect(h.ok("kubectl wait --for=jsonpath='{.status.phase}'=Running pod/db")).toBe("pod/db condition met\n");
    expect(h.ok("kubectl wait --for=jsonpath=.status.podIP pod/db")).toBe("pod/db condition met\n");
    expect(h.fails("kubectl wait --for=jsonpath={.spec.containers}=x pod/db")).toBe(
      "error: jsonpath leads to a nested object or list which is not supported\n",
    );
  });

  it("answers bad input as kubectl does", () => {
    const h = harness();
    expect(h.fails("kubectl wait --for=ready pod/x")).toBe('error: unrecognized condition: "ready"\n');
    expect(h.fails("kubectl wait --for=condition=Ready pods")).toBe(
      "error: resource(s) were provided, but no name was specified\n",
    );
    expect(h.fails("kubectl wait --for=condition=Ready pods -l app=none")).toBe("error: no matching resources found\n");
    expect(h.fails("kubectl wait --for=condition=Ready pod/x --timeout=30")).toBe(
      // pflag's error, and the usage line kubectl's FlagErrorFunc adds (pkg/util/templates/templater.go).
      'error: invalid argument "30" for "--timeout" flag: time: missing unit in duration "30"\nSee \'kubectl wait --help\' for usage.\n',
    );
  });
});

describe("kubectl wait --for=create", () => {
  it("is met at once by an object that exists, and times out without naming one that never appears (kubernetes#125868)", () => {
    const h = harness();
    h.ok("kubectl run db --image=nginx");
    expect(h.ok("kubectl wait --for=create pod/db")).toBe("pod/db condition met\n");
    const before = h.cluster.now();
    expect(h.fails("kubectl wait --for=create pod/later --timeout=3s")).toBe(
      "error: timed out waiting for the condition\n",
    );
    expect(h.cluster.now() - before).toBe(4000);
    // With -l, kubectl 1.31 does not wait (kubectl#1675).
    expect(h.fails("kubectl wait --for=create pods -l app=later")).toBe("error: no matching resources found\n");
  });
});
