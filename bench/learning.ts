// npm run bench (second part): the costs a learner's click pays on the server. Quiz pools run the
// simulator for every scenario; drills are graded by replaying every command; flashcards call FSRS.
// Figures and ratios only: nothing here passes or fails.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadContent } from "../lib/content/load-content";
import { replay } from "../lib/drills/core/drill-run";
import { loadDrills } from "../lib/drills/core/load-drills";
import type { DrillEvent } from "../lib/drills/core/types";
import {
  cardHistories,
  evaluationItems,
  type TrainingReview,
  trainingItems,
} from "../lib/flashcards/core/fsrs-training";
import { type CardState, DEFAULT_PARAMETERS, newCardState, rate } from "../lib/flashcards/core/scheduler";
import { simulateReviewLog } from "../lib/flashcards/core/simulated-review-log";
import { fsrsOptimiser } from "../lib/flashcards/service/fsrs-optimiser";
import { STRONG_MEMORY } from "../lib/flashcards/service/test-support/review-log";
import { drawQuiz } from "../lib/quiz/core/assemble";
import { answerKey, gradeResponse } from "../lib/quiz/core/grade";
import { buildEntries, lazyPool, questionPool } from "../lib/quiz/core/pool";

function time(label: string, n: number, work: () => void): number {
  const start = performance.now();
  work();
  const ms = performance.now() - start;
  const per = ms / n;
  const figure = per < 0.01 ? `${(per * 1000).toFixed(2)} µs/op` : `${per.toFixed(3)} ms/op`;
  console.log(`${label.padEnd(52)} ${figure.padStart(13)}   (${n} ops, ${ms.toFixed(0)} ms)`);
  return ms / n;
}

const lesson = loadContent(path.resolve("content")).lessons[0];
const drill = loadDrills(path.resolve("content")).drills[0];
console.log(`kubelearn learning-path benchmark (Node ${process.version})\n`);

questionPool(lesson, 0); // warm up
const wholePool = time(`quiz pool for "${lesson.slug}" (incl. simulator scenarios)`, 20, () => {
  for (let seed = 1; seed <= 20; seed++) questionPool(lesson, seed);
});
const quizStart = time("quiz start: draw, then build only what was drawn", 20, () => {
  for (let seed = 1; seed <= 20; seed++) buildEntries(drawQuiz(lazyPool(lesson, seed), seed));
});
console.log(`${"  whole pool vs quiz start".padEnd(52)} ${(wholePool / quizStart).toFixed(1).padStart(9)}x`);
const pool = questionPool(lesson, 1);
time("draw a quiz from the pool", 2000, () => {
  for (let seed = 0; seed < 2000; seed++) drawQuiz(pool, seed);
});
time("grade an answer", 100_000, () => {
  for (let i = 0; i < 100_000; i++) {
    const q = pool[i % pool.length];
    gradeResponse(q, answerKey(q));
  }
});

const commands = (n: number): DrillEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    type: "command",
    line: i % 2 ? "kubectl get pods -o wide" : "kubectl exec client -- curl -s web",
  }));
const small = time(`replay drill "${drill.slug}" with 20 commands`, 20, () => {
  for (let i = 0; i < 20; i++) replay(drill, commands(20));
});
const large = time(`replay drill "${drill.slug}" with 200 commands`, 5, () => {
  for (let i = 0; i < 5; i++) replay(drill, commands(200));
});
console.log(
  `${"  growth, 200 vs 20 commands".padEnd(52)} ${(large / small).toFixed(1).padStart(9)}x   (linear would be ~10x)`,
);

time("FSRS rating (card kept in review for a year)", 10_000, () => {
  let state: CardState = newCardState(new Date("2026-01-01T00:00:00Z"));
  for (let i = 0; i < 10_000; i++) {
    state = rate(state, i % 7 === 0 ? "again" : "good", new Date(state.due.getTime() + 60_000));
    if (state.due.getTime() > Date.parse("2027-01-01")) state = newCardState(new Date("2026-01-01T00:00:00Z"));
  }
});

// The FSRS optimiser on a learner's log of about 1,000 ratings: the conversion to training items
// and the two evaluations run on the event loop; computeParameters runs on libuv's thread pool, so
// the figure beside it is the longest the event loop went without a turn meanwhile.
async function optimiserFigures() {
  const end = new Date("2026-06-01T09:00:00Z");
  const log = simulateReviewLog({
    seed: 7,
    cards: 130,
    start: new Date(end.getTime() - 120 * 86_400_000),
    end,
    memory: STRONG_MEMORY,
  });
  let items: TrainingReview[][] = [];
  time(`FSRS training items from ${log.length} ratings`, 1, () => {
    items = trainingItems(cardHistories(log, "Europe/Berlin"));
  });
  let longestStall = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last);
    last = now;
  }, 1);
  const start = performance.now();
  const fitted = await fsrsOptimiser.compute(items);
  const ms = performance.now() - start;
  clearInterval(probe);
  console.log(
    `${`FSRS computeParameters, ${items.length} items (async)`.padEnd(52)} ${`${ms.toFixed(0)} ms`.padStart(13)}   (event loop held at most ${longestStall.toFixed(1)} ms meanwhile)`,
  );
  const measured = evaluationItems(items);
  time(`FSRS evaluate old and new parameters, ${measured.length} items`, 1, () => {
    fsrsOptimiser.evaluate(DEFAULT_PARAMETERS, measured);
    fsrsOptimiser.evaluate(fitted, measured);
  });
}
optimiserFigures();
