// npm run --silent quiz:preview -- <lesson-slug> [--seed N] [--all] | --stats [<lesson-slug>]
// Prints a quiz generated for the lesson with answers, misconceptions and explanations, so authors
// can review question quality. --all prints the whole pool instead of one drawn quiz. --stats prints,
// per lesson (every lesson without a slug), the pool's size by kind, source and concept and its share
// of templated near-duplicates.
import path from "node:path";
import { loadContent } from "../lib/content/load-content";
import { drawQuiz } from "../lib/quiz/core/assemble";
import { questionPool } from "../lib/quiz/core/pool";
import { formatPoolStats, poolStats } from "../lib/quiz/core/pool-stats";
import { formatQuestion } from "../lib/quiz/core/preview";

function usage(message: string): never {
  console.error(
    `quiz:preview: ${message}\nusage: npm run --silent quiz:preview -- <lesson-slug> [--seed N] [--all] | --stats [<lesson-slug>]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let seed = 1;
let all = false;
let stats = false;
let slug: string | undefined;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--seed") seed = Number(args[++i]);
  else if (args[i] === "--all") all = true;
  else if (args[i] === "--stats") stats = true;
  else if (args[i].startsWith("--")) usage(`unknown option ${args[i]}`);
  else slug = args[i];
}
if (!slug && !stats) usage("name a lesson slug");
if (!Number.isInteger(seed)) usage("--seed needs a whole number");
const library = loadContent(path.resolve(process.env.CONTENT_DIR ?? "content"), { includeDrafts: true });
if (stats) {
  const chosen = slug ? library.lessons.filter((l) => l.slug === slug) : library.lessons;
  if (chosen.length === 0) usage(`no lesson with slug "${slug}"`);
  console.log(
    chosen.map((l) => formatPoolStats(`${l.slug} (seed ${seed})`, poolStats(questionPool(l, seed)))).join("\n\n"),
  );
  process.exit(0);
}
const lesson = library.lessons.find((l) => l.slug === slug);
if (!lesson) usage(`no lesson with slug "${slug}" (have: ${library.lessons.map((l) => l.slug).join(", ")})`);
const pool = questionPool(lesson, seed);
const questions = all ? pool : drawQuiz(pool, seed);
console.log(`${lesson.title} · seed ${seed} · ${questions.length} of ${pool.length} questions in the pool\n`);
console.log(questions.map((q, i) => formatQuestion(q, i + 1)).join("\n\n"));
