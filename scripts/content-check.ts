// Validates every lesson under content/ (drafts included) and exits non-zero with file:line messages:
// the lessons themselves (lib/content) and the quiz questions they must be able to generate (lib/quiz).
import path from "node:path";
import { checkContent } from "../lib/content/check-content";
import { loadContent } from "../lib/content/load-content";
import { checkLessonQuestions } from "../lib/quiz/check-questions";

const root = path.resolve(process.argv[2] ?? "content");
const { problems, lessonCount } = checkContent(root);
for (const lesson of loadContent(root, { includeDrafts: true }).lessons) problems.push(...checkLessonQuestions(lesson));
problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
if (problems.length > 0) {
  console.error(`content:check: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${path.relative(process.cwd(), root) || root}`);
  process.exit(1);
}
console.log(`content:check: ${lessonCount} lesson${lessonCount === 1 ? "" : "s"} OK`);
