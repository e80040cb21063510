import type { ContentProblem } from "../../content/types";
import { DrillRun } from "./drill-run";
import { giveawayMessage, hintsGivingAway } from "./hint-giveaway";
import type { Drill } from "./types";

/**
 * content:check for drills: walks each drill as a learner who follows the solutions would. Every
 * prediction must match exactly one option; every task must be unfinished when it starts and done
 * after its solution; the lesson must exist.
 */
export function checkDrill(drill: Drill, lessonSlugs: ReadonlySet<string>): ContentProblem[] {
  const problem = (message: string): ContentProblem => ({ file: drill.sourcePath, line: 2, message });
  const problems: ContentProblem[] = [];
  if (!lessonSlugs.has(drill.lesson)) problems.push(problem(`drill lesson: no lesson has the slug "${drill.lesson}"`));
  try {
    const answers = walk(drill, problems, problem);
    problems.push(...chanceProblems(drill, answers).map(problem));
  } catch (err) {
    problems.push(problem((err as Error).message));
  }
  return problems;
}

/** Other seeds each prediction is replayed under; a right answer must not change with them. */
export const CHANCE_SEEDS = 8;

/**
 * A prediction whose right option depends on the seed's luck (which pod a random pick reached, how
 * many of three pods six picks hit) marks a learner who reasons correctly by chance. Walks the drill
 * again under other seeds and names each step whose right option changes, or that no option fits.
 */
export function chanceProblems(drill: Drill, answers: ReadonlyMap<string, number>): string[] {
  const flagged = new Map<string, string>();
  for (let n = 1; n <= CHANCE_SEEDS; n++) {
    const seed = drill.seed + n * 7919;
    let other: Map<string, number>;
    try {
      other = walk({ ...drill, seed }, [], () => ({ file: "", line: 0, message: "" }));
    } catch (err) {
      const stepId = /^step ([\w-]+):/.exec((err as Error).message)?.[1] ?? "?";
      if (!flagged.has(stepId)) flagged.set(stepId, `with seed ${seed} no single option fits`);
      continue;
    }
    for (const [stepId, index] of answers)
      if (other.get(stepId) !== index && !flagged.has(stepId))
        flagged.set(stepId, `with seed ${seed} the right option is ${other.get(stepId)! + 1}, not ${index + 1}`);
  }
  return [...flagged].map(
    ([stepId, why]) =>
      `step ${stepId}: the prediction hangs on chance (${why}); ask about the rule (observe same-output, outcome...) instead of what one seed happens to give`,
  );
}

/** Walks the drill as a learner who follows the solutions; answers with each prediction's right option. */
function walk(
  drill: Drill,
  problems: ContentProblem[],
  problem: (message: string) => ContentProblem,
): Map<string, number> {
  const answers = new Map<string, number>();
  const run = new DrillRun(drill);
  for (const step of drill.steps) {
    if (step.type === "predict") {
      run.predictionView(step);
      answers.set(step.id, run.commitPrediction(step).correctIndex);
    } else {
      if (run.checkTask(step).passed)
        problems.push(problem(`step ${step.id}: the task is already done before the learner starts it`));
      // The learner reads the hints filled from the cluster as the task opens, and the solution runs
      // each line filled just before it runs: a hint that names the very pod a solution line deletes
      // gives it away though the two differ as written.
      const hints = step.hints.map((hint) => run.resolve(hint));
      const solution: string[] = [];
      for (const line of step.solution) {
        const command = run.resolve(line);
        solution.push(command);
        run.run(command);
      }
      problems.push(...hintsGivingAway(hints, solution).map((hint) => problem(giveawayMessage(step.id, hint))));
      const after = run.checkTask(step);
      if (!after.passed)
        problems.push(
          problem(
            `step ${step.id}: the solution does not complete the task: ${after.results
              .filter((r) => !r.passed)
              .map((r) => r.message)
              .join(" ")}`,
          ),
        );
    }
  }
  return answers;
}
