import type { ContentProblem } from "../../content/types";
import { DrillRun } from "./drill-run";
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
    const run = new DrillRun(drill);
    for (const step of drill.steps) {
      if (step.type === "predict") {
        run.predictionView(step);
        run.commitPrediction(step);
      } else {
        if (run.checkTask(step).passed)
          problems.push(problem(`step ${step.id}: the task is already done before the learner starts it`));
        for (const line of step.solution) run.run(run.resolve(line));
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
  } catch (err) {
    problems.push(problem((err as Error).message));
  }
  return problems;
}
