import type { StepResult } from "../../db/drill-progress-repository";
import type { Repositories } from "../../db/repositories";
import type { Result } from "../../result";
import type { CheckResult } from "../core/checks";
import { type Observation, replay } from "../core/drill-run";
import { currentStep, publicDrill } from "../core/public-drill";
import type { Drill, DrillEvent } from "../core/types";
import { DrillError } from "../core/types";

export interface DrillState {
  drill: Drill;
  events: DrillEvent[];
  results: Record<string, StepResult>;
  completed: boolean;
}

export interface PredictionResult {
  correct: boolean;
  correctIndex: number;
  choice: number;
  observations: Observation[];
  explanation: string;
  /** The committed step in full, so the browser can replay it. */
  step: Drill["steps"][number];
}

export interface TaskResult {
  passed: boolean;
  checks: { passed: boolean; message: string }[];
  explanation: string | null;
}

// The one Result (lib/result), re-exported for app/drills/actions.ts, which imports it from here.
export type { Result };

export interface DrillServiceDeps {
  repos: Repositories;
  drills: () => Drill[];
  now: () => Date;
}

export function createDrillService(deps: DrillServiceDeps) {
  const find = (slug: string) => deps.drills().find((d) => d.slug === slug);

  async function progress(userId: string, drill: Drill) {
    const row = await deps.repos.drills.find(userId, drill.slug);
    return {
      events: (row?.events ?? []) as DrillEvent[],
      results: row?.results ?? {},
      completedAt: row?.completedAt ?? null,
    };
  }

  /**
   * The browser's events are only the learner's own commands, so they are taken as they come;
   * but the predictions in them must be exactly the ones the server recorded, in order.
   */
  function validEvents(drill: Drill, results: Record<string, StepResult>, events: DrillEvent[]): string | null {
    const committed = drill.steps.filter((s) => s.type === "predict" && results[s.id]).map((s) => s.id);
    const markers = events.flatMap((e) => (e.type === "predict" ? [e.stepId] : []));
    return JSON.stringify(markers) === JSON.stringify(committed)
      ? null
      : "This drill changed in another tab. Reload the page to continue from the saved state.";
  }

  async function store(userId: string, drill: Drill, events: DrillEvent[], results: Record<string, StepResult>) {
    const completed = drill.steps.every((s) => results[s.id]);
    const existing = await deps.repos.drills.find(userId, drill.slug);
    await deps.repos.drills.save(userId, drill.slug, {
      events,
      results,
      completedAt: completed ? (existing?.completedAt ?? deps.now()) : null,
    });
  }

  /** The drill, its recorded results and the step being answered, when that step is the current one. */
  async function atCurrentStep(
    userId: string,
    slug: string,
    stepId: string,
  ): Promise<Result<{ drill: Drill; results: Record<string, StepResult>; step: Drill["steps"][number] }>> {
    const drill = find(slug);
    if (!drill) return { ok: false, error: "There is no such drill." };
    const p = await progress(userId, drill);
    const step = currentStep(drill, new Set(Object.keys(p.results)));
    if (!step || step.id !== stepId)
      return { ok: false, error: "That step is not the current one. Reload the page to continue." };
    return { ok: true, value: { drill, results: p.results, step } };
  }

  /** A drill that cannot replay (content changed under a saved run) is reported, not thrown. */
  async function unlessDrillBreaks<T>(work: () => Promise<T>): Promise<Result<T>> {
    try {
      return { ok: true, value: await work() };
    } catch (err) {
      if (err instanceof DrillError)
        return { ok: false, error: `This drill cannot continue from here: ${err.message}. Reset it to start again.` };
      throw err;
    }
  }

  return {
    drills: () => deps.drills(),

    async state(userId: string, slug: string): Promise<DrillState | null> {
      const drill = find(slug);
      if (!drill) return null;
      const p = await progress(userId, drill);
      return {
        drill: publicDrill(drill, new Set(Object.keys(p.results))),
        events: p.events,
        results: p.results,
        completed: p.completedAt !== null,
      };
    },

    async statuses(userId: string): Promise<Map<string, { done: number; total: number; completed: boolean }>> {
      const rows = await deps.repos.drills.listForUser(userId);
      const out = new Map<string, { done: number; total: number; completed: boolean }>();
      for (const d of deps.drills()) {
        const row = rows.find((r) => r.drillSlug === d.slug);
        out.set(d.slug, {
          done: row ? d.steps.filter((s) => row.results[s.id]).length : 0,
          total: d.steps.length,
          completed: !!row?.completedAt,
        });
      }
      return out;
    },

    /** Saves the learner's commands so a reload loses nothing. */
    async saveEvents(userId: string, slug: string, events: DrillEvent[]): Promise<Result<null>> {
      const drill = find(slug);
      if (!drill) return { ok: false, error: "There is no such drill." };
      const p = await progress(userId, drill);
      const problem = validEvents(drill, p.results, events);
      if (problem) return { ok: false, error: problem };
      await store(userId, drill, events, p.results);
      return { ok: true, value: null };
    },

    /** Grades a prediction by replaying the learner's events with the drill's seed, then running the step. */
    async commitPrediction(
      userId: string,
      slug: string,
      stepId: string,
      choice: number,
      events: DrillEvent[],
    ): Promise<Result<PredictionResult>> {
      const at = await atCurrentStep(userId, slug, stepId);
      if (!at.ok) return at;
      const { drill, results: done, step } = at.value;
      if (step.type !== "predict") return { ok: false, error: "That step is a task, not a prediction." };
      if (choice >= step.options.length) return { ok: false, error: "That option is not part of this question." };
      const problem = validEvents(drill, done, events);
      if (problem) return { ok: false, error: problem };
      return unlessDrillBreaks(async () => {
        const outcome = replay(drill, events).commitPrediction(step);
        const correct = outcome.correctIndex === choice;
        const results = { ...done, [step.id]: { correct, choice, at: deps.now().toISOString() } };
        await store(userId, drill, [...events, { type: "predict", stepId }], results);
        return {
          correct,
          correctIndex: outcome.correctIndex,
          choice,
          observations: outcome.observations,
          explanation: step.explanation,
          step,
        };
      });
    },

    /** Checks a task against the replayed cluster; a passed task is recorded. */
    async checkTask(userId: string, slug: string, stepId: string, events: DrillEvent[]): Promise<Result<TaskResult>> {
      const at = await atCurrentStep(userId, slug, stepId);
      if (!at.ok) return at;
      const { drill, results: done, step } = at.value;
      if (step.type !== "task") return { ok: false, error: "That step is a prediction, not a task." };
      const problem = validEvents(drill, done, events);
      if (problem) return { ok: false, error: problem };
      return unlessDrillBreaks(async () => {
        const check = replay(drill, events).checkTask(step);
        const results = check.passed ? { ...done, [step.id]: { correct: true, at: deps.now().toISOString() } } : done;
        await store(userId, drill, events, results);
        return {
          passed: check.passed,
          checks: check.results.map((r: CheckResult) => ({ passed: r.passed, message: r.message })),
          explanation: check.passed ? step.explanation : null,
        };
      });
    },

    async reset(userId: string, slug: string): Promise<Result<null>> {
      if (!find(slug)) return { ok: false, error: "There is no such drill." };
      await deps.repos.drills.reset(userId, slug);
      return { ok: true, value: null };
    },
  };
}

export type DrillService = ReturnType<typeof createDrillService>;
