import { describe, expect, it } from "vitest";
import { harness } from "../test-support/harness";
import { COMMANDS } from "./commands";

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

describe("an unknown command answers as cobra does (legacyArgs, findSuggestions)", () => {
  it("suggests the commands within two edits or that start with what was typed", () => {
    const h = harness();
    expect(h.fails("kubectl rolout status deploy/web")).toBe(
      'error: unknown command "rolout" for "kubectl"\n\nDid you mean this?\n\trollout\n\nRun \'kubectl --help\' for usage.\n',
    );
    expect(h.fails("kubectl de")).toContain("Did you mean this?\n\tdebug\n\tdelete\n\tdescribe\n\tget\n\tset\n\n");
    expect(h.fails("kubectl frobnicate")).toBe(
      'error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
    );
  });
});

describe("help from the command table", () => {
  it("prints the overview for kubectl, kubectl help, kubectl --help and -h, with exit code 0", () => {
    const h = harness();
    const overview = h.ok("kubectl");
    expect(overview).toMatch(/^kubectl controls the Kubernetes cluster manager\.\n/);
    for (const c of COMMANDS) expect(overview).toContain(`  ${c.name.padEnd(16)}${c.summary}\n`);
    for (const line of ["kubectl help", "kubectl --help", "kubectl -h"]) expect(h.ok(line)).toBe(overview);
  });
  it("prints a command's help for CMD --help, CMD -h and help CMD, sub-verbs included", () => {
    const h = harness();
    const get = h.ok("kubectl get --help");
    expect(get).toMatch(/^Display one or many resources\.\n/);
    expect(h.ok("kubectl get pods -h")).toBe(get);
    expect(h.ok("kubectl help get")).toBe(get);
    expect(h.ok("kubectl help rollout restart")).toBe(h.ok("kubectl rollout restart --help"));
    expect(h.ok("kubectl help rollout restart")).toMatch(/^Restart a resource\.\n/);
  });
  it("answers an unknown help topic as cobra does, then shows the overview", () => {
    const h = harness();
    expect(h.ok("kubectl help frobnicate")).toBe(`Unknown help topic [\`frobnicate\`]\n${h.ok("kubectl")}`);
  });
  it("leaves -h after a bare -- to the container's command", () => {
    const h = harness();
    h.ok("kubectl run client --image=busybox -- sleep 3600");
    expect(h.ok("kubectl exec client -- echo -h")).toBe("-h\n");
  });
});

describe("a family verb without a sub-command it knows answers as kubectl's DefaultSubCommandRun", () => {
  // pkg/cmd/util/helpers.go: RequireNoArguments' usage error for words left after the flags, the help
  // and exit code 1 for none; `kubectl create` itself takes only -f (CreateOptions.Complete). A
  // sub-command real kubectl has and the simulator lacks (create secret, set env) answers the same.
  it.each([
    [
      "kubectl create service foo x",
      "error: unknown command \"foo x\"\nSee 'kubectl create service -h' for help and examples\n",
    ],
    [
      "kubectl rollout foo deploy/web",
      "error: unknown command \"foo deploy/web\"\nSee 'kubectl rollout -h' for help and examples\n",
    ],
    [
      "kubectl set env deploy/web A=B",
      "error: unknown command \"env deploy/web A=B\"\nSee 'kubectl set -h' for help and examples\n",
    ],
    ["kubectl create foo x", "error: Unexpected args: [foo x]\nSee 'kubectl create -h' for help and examples\n"],
  ])("%s", (command, output) => {
    expect(harness().fails(command)).toBe(output);
  });

  it("prints the family's help with exit code 1 when no word follows", () => {
    const h = harness();
    for (const family of ["rollout", "set", "create service"]) {
      const result = h.run(`kubectl ${family}`);
      expect(result.exitCode).toBe(1);
      expect(result.output).toBe(h.ok(`kubectl ${family} --help`));
    }
  });
});
