import { describe, expect, it } from "vitest";
import { harness } from "../test-support/harness";

describe("the shell", () => {
  it("ignores comments and blank lines, and echoes", () => {
    const h = harness();
    expect(h.run("# a comment")).toEqual({ output: "", exitCode: 0 });
    expect(h.ok("echo hello world")).toBe("hello world\n");
  });

  it("advances the clock one second per command, so AGE grows", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    h.ok("sleep 120");
    expect(h.ok("kubectl get pod app")).toMatch(/\s2m\d*s?\n/);
  });

  it("accepts k as an alias for kubectl", () => {
    const h = harness();
    expect(h.ok("k get nodes")).toMatch(/^NAME\s+STATUS/);
  });
});

describe("the prompt answers like bash and never crashes", () => {
  it("hello → bash: hello: command not found", () => {
    const h = harness();
    expect(h.fails("hello")).toContain("bash: hello: command not found");
  });

  it("survives arbitrary input without throwing", () => {
    const h = harness();
    const junk = [
      "",
      "   ",
      "kubectl",
      "kubectl get",
      "kubectl exec x",
      "kubectl exec client --",
      "curl",
      "nslookup",
      "kubectl apply -f",
      "kubectl get pods -o jsonpath={.items[",
      "'unterminated",
      "kubectl label pod",
      "kubectl expose",
      "kubectl drain",
      "kubectl rollout",
      "kubectl create deployment",
    ];
    for (const line of junk) expect(() => h.run(line)).not.toThrow();
  });
});
