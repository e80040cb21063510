import { describe, expect, it } from "vitest";
import { harness } from "../test-support/harness";

// curl's command line as src/tool_getparam.c reads it: "-sSL" is three short options; one that takes a
// value takes the rest of its word ("-m5", "-sm5") or the next word; -s (--silent) hides curl's own error
// messages and -S (--show-error) brings them back; -o FILE sends the body away, -w prints %{http_code};
// -i puts the status line and headers before the body.
function cluster() {
  const h = harness();
  h.ok("kubectl create deployment web --image=nginx --replicas=1 --port=80");
  h.ok("kubectl expose deployment web --port=80");
  h.ok("kubectl run c --image=curlimages/curl --command -- sleep 3600");
  h.ok("kubectl wait --for=condition=Ready pod/c");
  return h;
}

describe("curl's short option clusters", () => {
  it("reads -sI, -sSL, -skv and -sm5 as curl does", () => {
    const h = cluster();
    expect(h.ok("kubectl exec c -- curl -sI web")).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(h.ok("kubectl exec c -- curl -sSL web")).toContain("Welcome to nginx!");
    expect(h.ok("kubectl exec c -- curl -skv web")).toContain("Welcome to nginx!");
    expect(h.ok("kubectl exec c -- curl -sm5 web")).toContain("Welcome to nginx!");
    expect(h.ok("kubectl exec c -- curl -sm 5 web")).toContain("Welcome to nginx!");
  });

  it("-s hides curl's error message (the exit code stays), -sS shows it", () => {
    const h = cluster();
    expect(h.run("kubectl exec c -- curl -s nowhere")).toMatchObject({ exitCode: 6 });
    expect(h.run("kubectl exec c -- curl -s nowhere").output).not.toContain("curl: (6)");
    expect(h.run("kubectl exec c -- curl -sS nowhere").output).toContain("curl: (6) Could not resolve host: nowhere");
  });

  it("-o /dev/null -w '%{http_code}' prints only the status code; -i adds the headers", () => {
    const h = cluster();
    expect(h.ok("kubectl exec c -- curl -so /dev/null -w '%{http_code}\\n' web")).toBe("200\n");
    expect(h.ok("kubectl exec c -- curl -si web")).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\r\n\r\n<!DOCTYPE html>/);
  });

  it("an unknown option or a missing value is curl's usage error (exit 2)", () => {
    const h = cluster();
    // kubectl exec then adds its own "command terminated with exit code 2".
    const unknown = h.run("kubectl exec c -- curl -sZ web");
    expect(unknown.exitCode).toBe(2);
    expect(unknown.output).toBe(
      "curl: option -sZ: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\ncommand terminated with exit code 2\n",
    );
    expect(h.run("kubectl exec c -- curl web -m").output).toMatch(/^curl: option -m: requires parameter\n/);
  });
});
