import { describe, expect, it } from "vitest";
import { surgeAndUnavailable } from "./rolling-update";
import { harness } from "./test-support/harness";
import type { Deployment } from "./types";

// pkg/controller/deployment (Kubernetes v1.31): rolling.go, recreate.go, util ResolveFenceposts.

const deployment = (
  replicas: number,
  rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string },
) => ({ spec: { replicas, strategy: rollingUpdate ? { rollingUpdate } : undefined } }) as unknown as Deployment;

const scalingOf = (h: ReturnType<typeof harness>) =>
  h
    .events()
    .filter((e) => e.reason === "ScalingReplicaSet")
    .map((e) => e.message);

describe("maxSurge and maxUnavailable (ResolveFenceposts)", () => {
  it("25% by default: surge rounds up, unavailable rounds down", () => {
    expect(surgeAndUnavailable(deployment(10))).toEqual({ maxSurge: 3, maxUnavailable: 2 });
    expect(surgeAndUnavailable(deployment(3))).toEqual({ maxSurge: 1, maxUnavailable: 0 });
  });
  it("numbers are taken as they are; both 0 would stall, so one pod may be unavailable", () => {
    expect(surgeAndUnavailable(deployment(4, { maxSurge: 2, maxUnavailable: "50%" }))).toEqual({
      maxSurge: 2,
      maxUnavailable: 2,
    });
    expect(surgeAndUnavailable(deployment(4, { maxSurge: 0, maxUnavailable: 0 }))).toEqual({
      maxSurge: 0,
      maxUnavailable: 1,
    });
  });
});

describe("a rolling update", () => {
  it("moves in steps that never exceed replicas + maxSurge pods nor drop below replicas - maxUnavailable", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx:1.25 --replicas=4");
    h.ok("kubectl set image deployment/web nginx=nginx:1.27");
    const [oldRS, newRS] = h.cluster.store
      .list("ReplicaSet", "default")
      .sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || 0)
      .map((rs) => rs.metadata.name);
    // 4 replicas: surge 1, unavailable 1; each sync scales the new one up, then the old one down.
    expect(scalingOf(h).slice(1)).toEqual([
      `Scaled up replica set ${newRS} from 0 to 1`,
      `Scaled down replica set ${oldRS} from 4 to 3`,
      `Scaled up replica set ${newRS} from 1 to 2`,
      `Scaled down replica set ${oldRS} from 3 to 2`,
      `Scaled up replica set ${newRS} from 2 to 3`,
      `Scaled down replica set ${oldRS} from 2 to 1`,
      `Scaled up replica set ${newRS} from 3 to 4`,
      `Scaled down replica set ${oldRS} from 1 to 0`,
    ]);
    expect(h.podsNamed(newRS)).toHaveLength(4);
  });

  it("with maxUnavailable 0 and maxSurge 2 it brings two new pods before removing old ones", () => {
    const h = harness(
      {},
      {
        "web.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  strategy:
    rollingUpdate: {maxSurge: 2, maxUnavailable: 0}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.25"}]
`,
      },
    );
    h.ok("kubectl apply -f web.yaml");
    h.ok("kubectl set image deployment/web nginx=nginx:1.27");
    const steps = scalingOf(h).slice(1);
    expect(steps[0]).toMatch(/^Scaled up replica set web-\w+ from 0 to 2$/);
    expect(steps[1]).toMatch(/^Scaled down replica set web-\w+ from 4 to 2$/);
  });

  it("Recreate scales the old ReplicaSet to zero first", () => {
    const h = harness(
      {},
      {
        "web.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  strategy: {type: Recreate}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: "nginx:1.25"}]
`,
      },
    );
    h.ok("kubectl apply -f web.yaml");
    h.ok("kubectl set image deployment/web nginx=nginx:1.27");
    const steps = scalingOf(h).slice(1);
    expect(steps[0]).toMatch(/^Scaled down replica set web-\w+ from 2 to 0$/);
    h.ok("sleep 5");
    expect(scalingOf(h).at(-1)).toMatch(/^Scaled up replica set web-\w+ from 0 to 2$/);
    expect(h.podsNamed("web-")).toHaveLength(2);
  });
});
