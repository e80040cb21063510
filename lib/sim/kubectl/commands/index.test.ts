import { describe, expect, it } from "vitest";
import { harness } from "../../test-support/harness";
import { GLOBAL_FLAGS } from "../args";
import type { CommandSpec } from "../command";
import { COMMANDS, commandNamed } from "./index";

/** Every command and sub-command with the words that reach it. */
const specs: [string, CommandSpec][] = COMMANDS.flatMap((c) => [
  [c.name, c] as [string, CommandSpec],
  ...(c.subcommands ?? []).map((s): [string, CommandSpec] => [`${c.name} ${s.name}`, s]),
]);

describe("the kubectl command table", () => {
  it("names each command once, and finds it by name", () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(commandNamed(name)?.name).toBe(name);
    expect(commandNamed("frobnicate")).toBeUndefined();
  });

  it("gives every command a usage line that starts with its own words, and a summary", () => {
    for (const [path, spec] of specs) {
      expect(spec.usage.startsWith(path)).toBe(true);
      expect(spec.summary).toMatch(/^[A-Z].*[^.]$/);
      expect(spec.args.length).toBeGreaterThan(0);
    }
  });

  it("declares no flag twice, and none that shadows the global -n or -A", () => {
    for (const [, spec] of specs) {
      const all = [...GLOBAL_FLAGS, ...spec.flags];
      const longs = all.map((f) => f.name);
      const shorts = all.flatMap((f) => (f.short ? [f.short] : []));
      expect(new Set(longs).size).toBe(longs.length);
      expect(new Set(shorts).size).toBe(shorts.length);
    }
  });

  // The table is what help and completion show; this checks it against what each command parses.
  it("accepts every flag it declares, by long name and by short alias", () => {
    const h = harness();
    for (const [path, spec] of specs) {
      // create's own flags (-f, --dry-run, -R) belong to `create -f FILE`.
      const context = path === "create" ? " -f missing.yaml" : "";
      for (const f of spec.flags) {
        const tokens = [
          `--${f.name}${f.takesValue ? "=1" : ""}`,
          ...(f.short ? [`-${f.short}${f.takesValue ? "1" : ""}`] : []),
        ];
        for (const token of tokens) {
          const out = h.run(`kubectl ${path} ${token}${context}`).output;
          expect(out, `kubectl ${path} ${token}`).not.toMatch(/unknown (shorthand )?flag/);
        }
      }
    }
  });
});
