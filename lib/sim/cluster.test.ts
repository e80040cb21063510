import { describe, expect, it } from "vitest";
import { harness } from "./test-support/harness";

describe("pod IPs: a container restart", () => {
  it("keeps the pod and its IP when the container restarts, counting the restart", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    h.ok("kubectl wait --for=condition=Ready pod/app");
    const before = h.podsNamed("app")[0];
    const ip = before.status.podIP;
    // The container's main process dies, so the exec session ends as killed (128 + SIGKILL).
    expect(h.run("kubectl exec app -- kill 1")).toEqual({
      output: "command terminated with exit code 137\n",
      exitCode: 137,
    });
    const after = h.podsNamed("app")[0];
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.status.podIP).toBe(ip);
    expect(after.status.containerStatuses[0].restartCount).toBe(1);
    expect(h.ok("kubectl get pod app")).toMatch(/app\s+1\/1\s+Running\s+1 \(\d+s ago\)/);
  });
});
