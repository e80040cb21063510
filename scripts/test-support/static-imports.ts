import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

// What a client component puts in a page's first-load script: every module it reaches through
// static imports (not `import type`, not an import whose names are all types, which the compiler
// drops, and not `import()`, which the bundler splits into a chunk loaded later). A "use server"
// file stops the walk: the browser gets only references to its actions.

const ROOT = path.resolve(import.meta.dirname, "../..");
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolveLocal(root: string, from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e)])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  throw new Error(`${path.relative(root, from)}: cannot resolve ${specifier}`);
}

function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause &&
        !clause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      const named = node.exportClause;
      if (named && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly)) continue;
      out.push((node.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return out;
}

const isServerActions = (file: string) => /^\s*["']use server["']/.test(fs.readFileSync(file, "utf8"));

/**
 * The project files (relative to the project root) and the packages that `entry` reaches by static
 * imports, each with the chain of files that leads to it (for a readable failure).
 */
export function staticImports(
  entry: string,
  root = ROOT,
): { files: Map<string, string[]>; packages: Map<string, string[]> } {
  const files = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const walk = (file: string, chain: string[]) => {
    const rel = path.relative(root, file);
    if (files.has(rel)) return;
    files.set(rel, chain);
    if (!/\.tsx?$/.test(file) || (chain.length > 0 && isServerActions(file))) return;
    for (const specifier of valueImports(file)) {
      const local = resolveLocal(root, file, specifier);
      if (local) walk(local, [...chain, rel]);
      else {
        const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
        if (!packages.has(name)) packages.set(name, [...chain, rel]);
      }
    }
  };
  walk(path.resolve(root, entry), []);
  return { files, packages };
}
