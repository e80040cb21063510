import type { DrillProgressRecord } from "../../db/drill-progress-repository";
import type { Repositories } from "../../db/repositories";
import { fail, ok, type Result } from "../../result";
import type { Observation } from "../core/drill-run";
import type { DrillView } from "../core/drill-view";
import { COMMIT_FIRST, type OpenPrediction } from "../core/open-prediction";
import { currentStep, publicDrill } from "../core/public-drill";
import { SOLUTION_AFTER_FAILED_CHECKS } from "../core/task-help";
import type { Drill, DrillEvent, PredictStep, StepResult } from "../core/types";
import type { GradeJob, GradeReply } from "./grade-step";
import { oneAtATime } from "./one-at-a-time";
import type { ReplayPool } from "./replay-pool";
import { eventLimitProblem } from "./schemas";

export interface DrillState {
  drill: Drill;
  events: DrillEvent[];
  results: Record<string, StepResult>;
  completed: boolean;
  /** Where the current step opened in `events`: commands from there on can still be undone. */
  stepStart: number;
  /** The open prediction's run lines, so the terminal can refuse them until it is committed. */
  openPrediction: OpenPrediction | null;
  /** Failed checks of the task open now: its solution is offered after SOLUTION_AFTER_FAILED_CHECKS. */
  failedChecks: number;
  /**
   * What the page shows of the run, replayed here so the page reads right before the browser loads
   * the simulator; null when the replay could not run now (over budget, pool busy): the browser then
   * replays at once, as it does after the first command anyway.
   */
  view: DrillView | null;
  /** Why the saved run cannot be replayed (the drill changed under it), for the learner: reset it. */
  problem: string | null;
}

export interface PredictionResult {
  alreadyAnswered: false;
  correct: boolean;
  correctIndex: number;
  choice: number;
  observations: Observation[];
  explanation: string;
  /** The committed step in full, so the browser can replay it. */
  step: PredictStep;
  /** The step that opens now, when it is a prediction (see DrillState.openPrediction). */
  openPrediction: OpenPrediction | null;
}

export interface TaskResult {
  alreadyAnswered: false;
  passed: boolean;
  checks: { passed: boolean; message: string }[];
  explanation: string | null;
  openPrediction: OpenPrediction | null;
  /** Failed checks of this task so far, this one included (0 once it passes). */
  failedChecks: number;
}

/** Another request (a second tab, a double submit) recorded this step first; its result stands. */
export interface AlreadyAnswered {
  alreadyAnswered: true;
  result: StepResult;
}

export const DRILL_MESSAGES = {
  noDrill: "There is no such drill.",
  notCurrent: "That step is not the current one. Reload the page to continue.",
  changed: "This drill changed in another tab. Reload the page to continue from the saved state.",
  tooLong: "That run took too long to check. Reset the drill, or undo your last command and try again.",
  busy: "The server is busy checking other drills. Try again in a moment.",
  revealed: (command: string) =>
    `${COMMIT_FIRST} You ran \`${command}\` before committing; undo it (or reset the drill) to answer this step.`,
  noSolution: "Only the task you are working on offers its solution.",
  solutionLater: (left: number) =>
    `The solution opens after ${SOLUTION_AFTER_FAILED_CHECKS} failed checks of this task: check your work ${left === 1 ? "once more" : `${left} more times`} first, and try the hints.`,
  cannotContinue: (why: string) => `This drill cannot continue from here: ${why}. Reset it to start again.`,
};

export interface DrillServiceDeps {
  repos: Repositories;
  drills: () => Drill[];
  now: () => Date;
  /** Where replays run: worker threads with a time budget, never the request thread. */
  replays: ReplayPool;
}

const sameEvent = (a: DrillEvent, b: DrillEvent) =>
  a.type === "command" ? b.type === "command" && a.line === b.line : b.type === "predict" && a.stepId === b.stepId;

/** The events up to where the current step opened are fixed: they are what earlier steps were graded on. */
function historyProblem(row: Progress, events: DrillEvent[]): string | null {
  const fixed = row.events.slice(0, row.stepStart);
  if (events.length < fixed.length || fixed.some((e, i) => !sameEvent(e, events[i]))) return DRILL_MESSAGES.changed;
  // After it come only commands the learner typed: predictions are recorded by the server.
  if (events.slice(fixed.length).some((e) => e.type !== "command")) return DRILL_MESSAGES.changed;
  return null;
}

type Progress = Omit<DrillProgressRecord, "events" | "updatedAt" | "drillSlug"> & { events: DrillEvent[] };

function openPredictionOf(drill: Drill, results: Record<string, StepResult>): OpenPrediction | null {
  const step = currentStep(drill, new Set(Object.keys(results)));
  return step?.type === "predict" ? { stepId: step.id, run: step.run } : null;
}

export function createDrillService(deps: DrillServiceDeps) {
  const find = (slug: string) => deps.drills().find((d) => d.slug === slug);

  async function progress(userId: string, drill: Drill): Promise<Progress> {
    const row = await deps.repos.drills.find(userId, drill.slug);
    return {
      events: (row?.events ?? []) as DrillEvent[],
      results: row?.results ?? {},
      stepStart: row?.stepStart ?? 0,
      version: row?.version ?? 0,
      failedChecks: row?.failedChecks ?? 0,
      completedAt: row?.completedAt ?? null,
    };
  }

  // One request per learner at a time in this process (see one-at-a-time.ts).
  const perLearner = oneAtATime();

  type Open = { drill: Drill; row: Progress; step: Drill["steps"][number] };
  /** The drill, its progress and the step being answered, when that step is the current one. */
  async function openStep(
    userId: string,
    slug: string,
    stepId: string,
    events: DrillEvent[],
  ): Promise<Result<Open | AlreadyAnswered>> {
    const limit = eventLimitProblem(events);
    if (limit) return fail(limit);
    const drill = find(slug);
    if (!drill) return fail(DRILL_MESSAGES.noDrill);
    const row = await progress(userId, drill);
    const stored = row.results[stepId];
    if (stored) return ok({ alreadyAnswered: true, result: stored });
    const step = currentStep(drill, new Set(Object.keys(row.results)));
    if (!step || step.id !== stepId) return fail(DRILL_MESSAGES.notCurrent);
    const problem = historyProblem(row, events);
    if (problem) return fail(problem);
    return ok({ drill, row, step });
  }

  async function grade<K extends GradeJob["kind"]>(job: GradeJob & { kind: K }) {
    const outcome = await deps.replays.grade(job);
    if (outcome.kind === "over-budget") return fail(DRILL_MESSAGES.tooLong);
    if (outcome.kind === "busy") return fail(DRILL_MESSAGES.busy);
    const reply = outcome.reply;
    if (reply.kind === "drill-error") return fail(DRILL_MESSAGES.cannotContinue(reply.message));
    if (reply.kind === "revealed") return fail(DRILL_MESSAGES.revealed(reply.command));
    return ok(reply as Extract<GradeReply, { kind: K }>);
  }

  /** Stores a finished step if nobody recorded one since `row` was read; else the result that won. */
  async function record(
    userId: string,
    drill: Drill,
    row: Progress,
    stepId: string,
    events: DrillEvent[],
    result: StepResult,
  ): Promise<Result<{ results: Record<string, StepResult> } | AlreadyAnswered>> {
    const results = { ...row.results, [stepId]: result };
    const completed = drill.steps.every((s) => results[s.id]);
    const recorded = await deps.repos.drills.recordStep(userId, drill.slug, row.version, {
      events,
      results,
      stepStart: events.length,
      completedAt: completed ? (row.completedAt ?? deps.now()) : null,
    });
    if (recorded) return ok({ results });
    const winner = (await progress(userId, drill)).results[stepId];
    return winner ? ok({ alreadyAnswered: true, result: winner }) : fail(DRILL_MESSAGES.changed);
  }

  return {
    drills: () => deps.drills(),

    async state(userId: string, slug: string): Promise<DrillState | null> {
      const drill = find(slug);
      if (!drill) return null;
      const p = await progress(userId, drill);
      const finished = Object.keys(p.results);
      const browserCopy = publicDrill(drill, new Set(finished));
      const shown = await deps.replays.grade({ kind: "view", drill: browserCopy, events: p.events, finished });
      const reply = shown.kind === "done" ? shown.reply : null;
      return {
        drill: browserCopy,
        events: p.events,
        results: p.results,
        completed: p.completedAt !== null,
        stepStart: p.stepStart,
        openPrediction: openPredictionOf(drill, p.results),
        failedChecks: p.failedChecks,
        view: reply?.kind === "view" ? reply.view : null,
        problem: reply?.kind === "drill-error" ? DRILL_MESSAGES.cannotContinue(reply.message) : null,
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
    saveEvents(userId: string, slug: string, events: DrillEvent[]): Promise<Result<null>> {
      return perLearner(userId, async () => {
        const limit = eventLimitProblem(events);
        if (limit) return fail(limit);
        const drill = find(slug);
        if (!drill) return fail(DRILL_MESSAGES.noDrill);
        const row = await progress(userId, drill);
        const problem = historyProblem(row, events);
        if (problem) return fail(problem);
        const saved = await deps.repos.drills.saveEvents(userId, slug, row.version, events);
        return saved ? ok(null) : fail(DRILL_MESSAGES.changed);
      });
    },

    /**
     * Grades a prediction by replaying the learner's events with the drill's seed, then running the
     * step; records it unless another request recorded this step first.
     */
    commitPrediction(
      userId: string,
      slug: string,
      stepId: string,
      choice: number,
      events: DrillEvent[],
    ): Promise<Result<PredictionResult | AlreadyAnswered>> {
      return perLearner(userId, async () => {
        const open = await openStep(userId, slug, stepId, events);
        if (!open.ok) return open;
        if ("alreadyAnswered" in open.value) return ok(open.value);
        const { drill, row, step } = open.value;
        if (step.type !== "predict") return fail("That step is a task, not a prediction.");
        if (choice >= step.options.length) return fail("That option is not part of this question.");
        // The run as it will be stored must fit the limits too.
        const withMarker: DrillEvent[] = [...events, { type: "predict", stepId }];
        const limit = eventLimitProblem(withMarker);
        if (limit) return fail(limit);
        const graded = await grade({ kind: "prediction", drill, events, stepId, from: row.stepStart });
        if (!graded.ok) return graded;
        const { correctIndex, observations } = graded.value;
        const correct = correctIndex === choice;
        const stored = { correct, choice, at: deps.now().toISOString() };
        const recorded = await record(userId, drill, row, stepId, withMarker, stored);
        if (!recorded.ok) return recorded;
        if ("alreadyAnswered" in recorded.value) return ok(recorded.value);
        return ok({
          alreadyAnswered: false as const,
          correct,
          correctIndex,
          choice,
          observations,
          explanation: step.explanation,
          step,
          openPrediction: openPredictionOf(drill, recorded.value.results),
        });
      });
    },

    /** Checks a task against the replayed cluster; a passed task is recorded, once. */
    checkTask(
      userId: string,
      slug: string,
      stepId: string,
      events: DrillEvent[],
    ): Promise<Result<TaskResult | AlreadyAnswered>> {
      return perLearner(userId, async () => {
        const open = await openStep(userId, slug, stepId, events);
        if (!open.ok) return open;
        if ("alreadyAnswered" in open.value) return ok(open.value);
        const { drill, row, step } = open.value;
        if (step.type !== "task") return fail("That step is a prediction, not a task.");
        const graded = await grade({ kind: "task", drill, events, stepId });
        if (!graded.ok) return graded;
        const { passed, checks } = graded.value;
        let openPrediction: OpenPrediction | null = null;
        if (passed) {
          const recorded = await record(userId, drill, row, stepId, events, {
            correct: true,
            at: deps.now().toISOString(),
          });
          if (!recorded.ok) return recorded;
          if ("alreadyAnswered" in recorded.value) return ok(recorded.value);
          openPrediction = openPredictionOf(drill, recorded.value.results);
        } else {
          // Keep the commands for a reload and count the failure; if another request recorded a step
          // meanwhile, this changes nothing.
          await deps.repos.drills.recordFailedCheck(userId, slug, row.version, events);
        }
        return ok({
          alreadyAnswered: false as const,
          passed,
          checks,
          explanation: passed ? step.explanation : null,
          openPrediction,
          failedChecks: passed ? 0 : row.failedChecks + 1,
        });
      });
    },

    /**
     * A task's solution, for the learner stuck on it: only the current task's, and only after the
     * server has counted SOLUTION_AFTER_FAILED_CHECKS failed checks of it (the page's count is not
     * trusted). Grading still replays the cluster, so knowing the commands is not passing.
     */
    async solution(userId: string, slug: string, stepId: string): Promise<Result<string[]>> {
      const drill = find(slug);
      if (!drill) return fail(DRILL_MESSAGES.noDrill);
      const row = await progress(userId, drill);
      const step = currentStep(drill, new Set(Object.keys(row.results)));
      if (!step || step.id !== stepId || step.type !== "task") return fail(DRILL_MESSAGES.noSolution);
      if (row.failedChecks < SOLUTION_AFTER_FAILED_CHECKS)
        return fail(DRILL_MESSAGES.solutionLater(SOLUTION_AFTER_FAILED_CHECKS - row.failedChecks));
      return ok(step.solution);
    },

    reset(userId: string, slug: string): Promise<Result<null>> {
      return perLearner(userId, async () => {
        if (!find(slug)) return fail(DRILL_MESSAGES.noDrill);
        await deps.repos.drills.reset(userId, slug);
        return ok(null);
      });
    },
  };
}

export type DrillService = ReturnType<typeof createDrillService>;
