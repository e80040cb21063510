import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const tsx = path.resolve("node_modules/.bin/tsx");
const sim = (args: string[], input?: string) =>
  spawnSync(tsx, [path.resolve("scripts/sim.ts"), ...args], { encoding: "utf8", input });

describe("npm run sim", () => {
  it("prints each command after $ and then its output, skipping comments and blank lines", () => {
    const result = sim(
      ["--seed", "3"],
      "# set up\nkubectl create deployment web --image=nginx --replicas=2\n\nkubectl get deploy web\nsleep 10\nkubectl get deploy web\nnope\n",
    );
    expect(result.status).toBe(0);
    // The pods take a moment to start (nginx untagged: its image is pulled first), then both are ready.
    expect(result.stdout).toMatch(
      /^\$ kubectl create deployment web --image=nginx --replicas=2\ndeployment\.apps\/web created\n\$ kubectl get deploy web\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+0\/2\s+2\s+0\s+\d+s\n\$ sleep 10\n\$ kubectl get deploy web\nNAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+2\/2\s+2\s+2\s+\d+s\n\$ nope\nbash: nope: command not found\n$/,
    );
  });

  it("shows a container shell's prompt while the script is inside one (kubectl debug node -it, chroot /host)", () => {
    const result = sim([], "kubectl debug node/worker-1 -it --image=busybox\nhostname\nchroot /host\nexit\nexit\n");
    expect(result.stdout).toMatch(/\n\/ # hostname\nworker-1\n\/ # chroot \/host\n# exit\n\/ # exit\n$/);
  });

  it("reads a script file, applies manifests next to it, and gives the same output for the same seed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubelearn-sim-"));
    fs.copyFileSync(path.resolve("lib/sim/test-fixtures/guestbook.yaml"), path.join(dir, "guestbook.yaml"));
    fs.writeFileSync(
      path.join(dir, "demo.sh"),
      "kubectl apply -f guestbook.yaml\nkubectl get pods -o wide\nkubectl get svc frontend\n",
    );
    const first = sim(["--seed", "11", path.join(dir, "demo.sh")]);
    const again = sim(["--seed", "11", path.join(dir, "demo.sh")]);
    const other = sim(["--seed", "12", path.join(dir, "demo.sh")]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(first.stdout).toContain("service/frontend created");
    expect(first.stdout).toMatch(/frontend\s+NodePort\s+10\.\S+\s+<none>\s+80:30500\/TCP/);
    expect(again.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);
  });

  it("rejects bad options with usage and exit code 2", () => {
    const result = sim(["--frobnicate"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/sim: unknown option --frobnicate\nusage: npm run --silent sim/);
    expect(sim(["--seed", "x"]).stderr).toContain("--seed needs a whole number");
    expect(sim(["missing-script.sh"]).stderr).toContain("no such file: missing-script.sh");
  });
});

describe("npm run sim -- --commands", () => {
  it("prints the kubectl command table as markdown, one row per command", () => {
    const result = sim(["--commands"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\| command \| what it does \| usage \| flags \|\n\| --- \| --- \| --- \| --- \|\n/);
    expect(result.stdout).toContain("| `kubectl get` | Display one or many resources | ");
    expect(result.stdout).toContain("| `kubectl rollout restart` | Restart a resource | ");
  });
});
