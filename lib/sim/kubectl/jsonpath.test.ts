import { describe, expect, it } from "vitest";
import { harness } from "../test-support/harness";

describe("kubectl get -o jsonpath", () => {
  it("-o jsonpath supports fields, indexes, wildcards and range", () => {
    const h = harness();
    h.ok("kubectl create deployment web --image=nginx --replicas=2");
    const names = h.podsNamed("web-").map((p) => p.metadata.name);
    expect(h.ok("kubectl get pods -o jsonpath={.items[*].metadata.name}").split(" ").sort()).toEqual(names);
    expect(h.ok(`kubectl get pod ${names[0]} -o jsonpath={.spec.containers[0].image}`)).toBe("nginx");
    const table = h.ok(
      `kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'`,
    );
    expect(
      table
        .trim()
        .split("\n")
        .map((l) => l.split("\t")[0])
        .sort(),
    ).toEqual(names);
  });
});

describe("JSONPath filters", () => {
  it('[?(@.field=="value")] keeps the list items that match (client-go jsonpath evalFilter)', () => {
    const h = harness();
    h.ok("kubectl run db --image=nginx:1.27");
    expect(h.ok(`kubectl get pod db -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}'`)).toBe("True");
    expect(
      h.ok(
        `kubectl get pods -o custom-columns='NAME:.metadata.name,READY:.status.conditions[?(@.type=="Ready")].status'`,
      ),
    ).toMatch(/^NAME\s+READY\ndb\s+True\n$/);
    expect(h.ok(`kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod/db`)).toBe(
      "pod/db condition met\n",
    );
    expect(h.ok(`kubectl get pod db -o jsonpath='{.spec.containers[?(@.name!="x")].name}'`)).toBe("db");
  });
});
