// npm run --silent export -- gift|moodle-xml <lesson-slug|module-id|course> [--seed N]
// Writes a lesson's, a module's or the whole course's question pool to stdout as GIFT or Moodle
// XML, for instructors who teach in Moodle. The pool is built from the seed (default 1) as quizzes
// build theirs, so the same content and seed give the same file. A summary, and what the format had
// to leave out (GIFT has no ordering questions), goes to stderr.
import path from "node:path";
import { loadContent } from "../lib/content/load-content";
import { DEFAULT_EXPORT_SEED, resolveTarget } from "../lib/interop/core/export-set";
import { EXPORT_FORMAT_IDS, isExportFormat } from "../lib/interop/core/formats";
import { countedKind } from "../lib/interop/core/question-parts";
import { createQuestionExportService } from "../lib/interop/service/question-export-service";
import { MAX_EXPORT_SEED } from "../lib/interop/service/schemas";

const USAGE = `usage: npm run --silent export -- ${EXPORT_FORMAT_IDS.join("|")} <lesson-slug|module-id|course> [--seed N]`;

/** A mistake in how the command was typed: exit 2 with the usage line. */
function usage(message: string): never {
  console.error(`export: ${message}\n${USAGE}`);
  process.exit(2);
}

/** A well-typed command naming something that does not exist: exit 1. */
function refuse(message: string): never {
  console.error(`export: ${message}`);
  process.exit(1);
}

const args = process.argv.slice(2);
let seed = DEFAULT_EXPORT_SEED;
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--seed") seed = Number(args[++i]);
  else if (args[i].startsWith("--seed=")) seed = Number(args[i].slice("--seed=".length));
  else if (args[i].startsWith("--")) usage(`unknown option ${args[i]}`);
  else positional.push(args[i]);
}
if (positional.length !== 2) usage("name a format and a lesson, module or course");
if (!Number.isInteger(seed) || seed < 0 || seed > MAX_EXPORT_SEED)
  usage(`--seed needs a whole number from 0 to ${MAX_EXPORT_SEED}`);
const [format, targetText] = positional;
if (!isExportFormat(format)) refuse(`unknown format "${format}": use ${EXPORT_FORMAT_IDS.join(" or ")}`);

const library = loadContent(path.resolve(process.env.CONTENT_DIR ?? "content"));
const target = resolveTarget(library, targetText);
if (!target.ok) refuse(target.error);

const file = createQuestionExportService({ library: () => library }).exportQuestions({ format, seed, ...target.value });
if (!file.ok) refuse(file.error);

// `… | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});
process.stdout.write(file.value.body);
console.error(`export: ${format}: ${file.value.questionCount} questions from ${file.value.title} (seed ${seed})`);
for (const s of file.value.skipped) console.error(`export: left out ${countedKind(s)}: ${s.reason}`);
