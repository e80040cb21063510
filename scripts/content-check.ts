// Validates every lesson under content/ (drafts included) and exits non-zero with file:line messages:
// the lessons themselves (lib/content), the quiz questions they must be able to generate (lib/quiz)
// and the drills, walked step by step on the simulator (lib/drills).
import path from "node:path";
import { checkContent } from "../lib/content/check-content";
import { checkDrill } from "../lib/drills/core/check-drills";
import { loadDrills } from "../lib/drills/core/load-drills";
import { checkLessonQuestions } from "../lib/quiz/core/check-questions";

const root = path.resolve(process.argv[2] ?? "content");
const { problems, lessonCount, lessons } = checkContent(root);
for (const lesson of lessons) problems.push(...checkLessonQuestions(lesson));
const drills = loadDrills(root);
problems.push(...drills.problems);
for (const drill of drills.drills) problems.push(...checkDrill(drill, new Set(lessons.map((l) => l.slug))));
problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
if (problems.length > 0) {
  console.error(
    `content:check: ${problems.length} problem${problems.length === 1 ? "" : "s"} in ${path.relative(process.cwd(), root) || root}`,
  );
  process.exit(1);
}
console.log(
  `content:check: ${lessonCount} lesson${lessonCount === 1 ? "" : "s"} and ${drills.drills.length} drill${drills.drills.length === 1 ? "" : "s"} OK`,
);
