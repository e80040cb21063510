// npm run bench (second part): the costs a learner's click pays on the server. Quiz pools run the
// simulator for every scenario; drills are graded by replaying every command; flashcards call FSRS.
// Figures and ratios only: nothing here passes or fails.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadContent } from "../lib/content/load-content";
import { replay } from "../lib/drills/core/drill-run";
import { loadDrills } from "../lib/drills/core/load-drills";
import type { DrillEvent } from "../lib/drills/core/types";
import { type CardState, newCardState, rate } from "../lib/flashcards/core/scheduler";
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
