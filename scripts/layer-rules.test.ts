import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// The house rules in biome.json: pure modules (lib/sim, lib/content, every lib/*/core) import
// nothing from React, Next, Prisma or the database layer, and components never touch lib/db.
// Each case writes a probe file where a newcomer might, and expects `biome lint` to refuse it.

const probes: string[] = [];
afterEach(() => {
  for (const p of probes.splice(0)) fs.rmSync(p, { force: true });
});

function lint(file: string, source: string) {
  const full = path.resolve(file);
  probes.push(full);
  fs.writeFileSync(full, source);
  const result = spawnSync(path.resolve("node_modules/.bin/biome"), ["lint", "--colors=off", file], {
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("layer rules", () => {
  it.each([
    [
      "lib/quiz/core/layer-probe.ts",
      'import { PrismaClient } from "@prisma/client";\nexport const probe = PrismaClient;\n',
    ],
    ["lib/drills/core/layer-probe.ts", 'import { getDb } from "../../db/client";\nexport const probe = getDb;\n'],
    ["lib/sim/layer-probe.ts", 'import { useState } from "react";\nexport const probe = useState;\n'],
    ["lib/content/layer-probe.ts", 'import { redirect } from "next/navigation";\nexport const probe = redirect;\n'],
    [
      "lib/flashcards/core/layer-probe.ts",
      'import { repositories } from "@/lib/db/repositories";\nexport const probe = repositories;\n',
    ],
    [
      "lib/classes/core/layer-probe.ts",
      'import { classService } from "../service/server";\nexport const probe = classService;\n',
    ],
    ["components/layer-probe.tsx", 'import { getDb } from "@/lib/db/client";\nexport const probe = getDb;\n'],
  ])("refuses %s", (file, source) => {
    const { status, output } = lint(file, source);
    expect(status).not.toBe(0);
    expect(output).toContain("noRestrictedImports");
  });

  it("allows a pure module to import another pure module", () => {
    const { status, output } = lint(
      "lib/quiz/core/layer-probe.ts",
      'import { createCluster } from "../../sim";\nexport const probe = createCluster;\n',
    );
    expect(output).not.toContain("noRestrictedImports");
    expect(status).toBe(0);
  });
});
