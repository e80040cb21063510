import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const script = path.resolve("scripts/build-if-stale.mjs");
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function project() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubelearn-stale-"));
  dirs.push(dir);
  for (const [file, text] of Object.entries({
    "package.json": "{}",
    "app/page.tsx": "export default function Page() { return null; }",
    "content/services/01-a.md": "# a",
    "lib/x.test.ts": "test",
    "proxy.ts": "export function proxy() {}",
  })) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.mkdirSync(path.join(dir, ".next"));
  fs.writeFileSync(path.join(dir, ".next/BUILD_ID"), "x");
  const run = (flag: string) => spawnSync(process.execPath, [script, flag], { cwd: dir, encoding: "utf8" });
  const stamp = () =>
    fs.writeFileSync(path.join(dir, ".next/kubelearn-build-fingerprint"), run("--fingerprint").stdout.trim());
  return { dir, run, stamp };
}

describe("build-if-stale", () => {
  it("needs a build when no fingerprint was written", () => {
    expect(project().run("--check").status).toBe(1);
  });

  it("skips the build when nothing the build reads has changed, tests included", () => {
    const p = project();
    p.stamp();
    expect(p.run("--check").status).toBe(0);
    fs.writeFileSync(path.join(p.dir, "lib/x.test.ts"), "a changed test does not change the build");
    expect(p.run("--check").status).toBe(0);
  });

  it.each(["content/services/01-a.md", "app/page.tsx", "package.json", "proxy.ts"])(
    "rebuilds after %s changes",
    (file) => {
      const p = project();
      p.stamp();
      fs.appendFileSync(path.join(p.dir, file), "\n");
      expect(p.run("--check").status).toBe(1);
    },
  );

  it("rebuilds when the build itself is gone", () => {
    const p = project();
    p.stamp();
    fs.rmSync(path.join(p.dir, ".next/BUILD_ID"));
    expect(p.run("--check").status).toBe(1);
  });
});
