// Validates every lesson under content/ (drafts included) and exits non-zero with file:line messages.
import path from "node:path";
import { checkContent } from "../lib/content/check-content";

const root = path.resolve(process.argv[2] ?? "content");
const { problems, lessonCount } = checkContent(root);
for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
if (problems.length > 0) {
  console.error(`content:check: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${path.relative(process.cwd(), root) || root}`);
  process.exit(1);
}
console.log(`content:check: ${lessonCount} lesson${lessonCount === 1 ? "" : "s"} OK`);
