import { describe, expect, it } from "vitest";
import { COMMANDS } from "../kubectl";
import { harness } from "../test-support/harness";
import { PROMPT_WORDS, SHELL_PROGRAMS, TERMINAL_BUILTINS } from "./run-command";

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

describe("help, the terminal's own list of what it understands", () => {
  it("names every kubectl command of the table with its summary, every program and the terminal's builtins", () => {
    const out = harness().ok("help");
    for (const c of COMMANDS)
      expect(out).toMatch(new RegExp(`^  ${c.name} +${c.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
    for (const p of SHELL_PROGRAMS) expect(out).toMatch(new RegExp(`^  ${p} +\\S`, "m"));
    for (const b of Object.keys(TERMINAL_BUILTINS)) expect(out).toMatch(new RegExp(`^  ${b} +\\S`, "m"));
  });

  it("help COMMAND prints that kubectl command's --help", () => {
    const h = harness();
    expect(h.ok("help get")).toBe(h.ok("kubectl get --help"));
  });

  it("moves no simulated time, so a replay with help in it builds the same cluster", () => {
    const h = harness();
    h.ok("kubectl run app --image=nginx");
    const before = h.cluster.now();
    h.ok("help");
    h.ok("help scale");
    expect(h.cluster.now()).toEqual(before);
  });

  it("is offered by Tab completion beside the programs, and so is clear", () => {
    expect(PROMPT_WORDS).toEqual(expect.arrayContaining([...SHELL_PROGRAMS, "help", "clear"]));
  });
});
