// npm run content:import -- <file> [--module <id>] [--stdout]
// Turns a raw concept document into a draft lesson skeleton under content/<module>/.
import fs from "node:fs";
import path from "node:path";
import { ImportError, importConceptDocument } from "../lib/content/import-concept-document";
import { loadContent, MODULE_FILE } from "../lib/content/load-content";

function fail(message: string): never {
  console.error(`content:import: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--module");
const moduleIndex = args.indexOf("--module");
const moduleId = moduleIndex >= 0 ? args[moduleIndex + 1] : "imported";
const toStdout = args.includes("--stdout");
if (!file) fail("usage: npm run content:import -- <file> [--module <id>] [--stdout]");
if (!moduleId || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(moduleId))
  fail(`--module needs an id of lowercase words joined by hyphens`);
if (!fs.existsSync(file)) fail(`no such file: ${file}`);

const contentRoot = path.resolve("content");
const moduleDir = path.join(contentRoot, moduleId);
const existing = loadContent(contentRoot, { includeDrafts: true }).lessons.filter((l) => l.module === moduleId);
const order = existing.reduce((max, l) => Math.max(max, l.order), 0) + 1;

let skeleton: ReturnType<typeof importConceptDocument>;
try {
  skeleton = importConceptDocument(fs.readFileSync(file, "utf8"), {
    module: moduleId,
    order,
    sourceName: path.basename(file),
  });
} catch (err) {
  if (err instanceof ImportError) fail(err.message);
  throw err;
}
if (toStdout) {
  process.stdout.write(skeleton.markdown);
  process.exit(0);
}
const target = path.join(moduleDir, `${String(order).padStart(2, "0")}-${skeleton.slug}.md`);
if (fs.existsSync(target)) fail(`${path.relative(process.cwd(), target)} already exists; not overwriting`);
fs.mkdirSync(moduleDir, { recursive: true });
const moduleFile = path.join(moduleDir, MODULE_FILE);
if (!fs.existsSync(moduleFile)) {
  fs.writeFileSync(
    moduleFile,
    `title: Imported drafts\norder: 99\ndescription: Lesson skeletons imported from concept documents, waiting to be rewritten.\n`,
  );
}
fs.writeFileSync(target, skeleton.markdown);
console.log(
  `content:import: wrote ${path.relative(process.cwd(), target)} (draft: rewrite it, then remove draft: true)`,
);
