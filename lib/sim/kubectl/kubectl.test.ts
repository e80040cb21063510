import { describe, expect, it } from "vitest";
import { harness } from "../test-support/harness";

describe("errors look like kubectl's and never crash", () => {
  const cases: [string, string][] = [
    ["kubectl foo", 'error: unknown command "foo" for "kubectl"'],
    ["kubectl get pods --bogus", "error: unknown flag: --bogus"],
    ["kubectl get widgets", 'error: the server doesn\'t have a resource type "widgets"'],
    ["kubectl get pod nope", 'Error from server (NotFound): pods "nope" not found'],
    ["kubectl get pods -o bogus", 'error: unable to match a printer suitable for the output format "bogus"'],
    ["kubectl scale deployment web", 'error: required flag(s) "replicas" not set'],
    ["kubectl exec nope -- env", 'Error from server (NotFound): pods "nope" not found'],
    ["kubectl run x -n nope --image=nginx", 'Error from server (NotFound): namespaces "nope" not found'],
    [
      "kubectl delete namespace default",
      'Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted',
    ],
  ];
  for (const [line, message] of cases) {
    it(`${line} → ${message}`, () => {
      const h = harness();
      expect(h.fails(line)).toContain(message);
    });
  }
});
