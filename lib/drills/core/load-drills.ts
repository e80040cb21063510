import fs from "node:fs";
import path from "node:path";
import type { ContentProblem } from "../../content/types";
import { parseDrill } from "./parse-drill";
import type { Drill } from "./types";

/** Reads content/<module>/drills/*.md, ordered by module, then order. */
export function loadDrills(root: string): { drills: Drill[]; problems: ContentProblem[] } {
  const drills: Drill[] = [];
  const problems: ContentProblem[] = [];
  if (!fs.existsSync(root)) return { drills, problems };
  for (const module of fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const dir = path.join(root, module, "drills");
    if (!fs.existsSync(dir)) continue;
    for (const name of fs
      .readdirSync(dir)
      .filter((n) => n.endsWith(".md"))
      .sort()) {
      const file = path.join(dir, name);
      const result = parseDrill(fs.readFileSync(file, "utf8"), path.relative(process.cwd(), file), module);
      problems.push(...result.problems);
      if (result.drill) drills.push(result.drill);
    }
  }
  const slugs = new Map<string, string>();
  for (const d of drills) {
    if (slugs.has(d.slug))
      problems.push({
        file: d.sourcePath,
        line: 2,
        message: `drill slug "${d.slug}" is also used by ${slugs.get(d.slug)}`,
      });
    slugs.set(d.slug, d.sourcePath);
  }
  return { drills: drills.sort((a, b) => a.module.localeCompare(b.module) || a.order - b.order), problems };
}
