import type { Drill, DrillStep } from "./types";

/**
 * The drill as the browser may have it: everything needed to run the same cluster locally, but for
 * steps not yet finished no answer material (a prediction's change, what it observes, its option
 * values, explanations) and for tasks never the solution.
 */
export function publicDrill(drill: Drill, finished: ReadonlySet<string>): Drill {
  return {
    ...drill,
    steps: drill.steps.map((step): DrillStep => {
      if (step.type === "task")
        return { ...step, solution: [], explanation: finished.has(step.id) ? step.explanation : "" };
      if (finished.has(step.id)) return step;
      return {
        ...step,
        run: [],
        observe: "output",
        options: step.options.map((o) => ({ text: o.text, value: "" })),
        explanation: "",
      };
    }),
  };
}

/** The first step without a result: the one the learner works on. */
export const currentStep = (drill: Drill, finished: ReadonlySet<string>) =>
  drill.steps.find((s) => !finished.has(s.id)) ?? null;
