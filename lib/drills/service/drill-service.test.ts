import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoriesOn, testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { DrillRun } from "../core/drill-run";
import { loadDrills } from "../core/load-drills";
import type { DrillEvent, PredictStep } from "../core/types";
import { createDrillService } from "./drill-service";

const { drills } = loadDrills(path.resolve("content"));
const drill = drills.find((d) => d.slug === "no-ready-pods")!;
const rightChoice = (events: DrillEvent[], stepId: string) => {
  const run = new DrillRun(drill);
  for (const e of events)
    if (e.type === "command") run.run(e.line);
    else run.commitPrediction(run.step(e.stepId) as PredictStep);
  return run.commitPrediction(run.step(stepId) as PredictStep).correctIndex;
};

describe.each(testDatabases)("drill service on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const service = () =>
    createDrillService({ repos: ctx.repos, drills: () => drills, now: () => new Date("2026-07-01T10:00:00Z") });
  const learner = () => ctx.repos.users.create({ email: uniqueEmail("drill"), name: "Driller", passwordHash: "h" });

  it("grades a prediction by replaying the learner's commands, records it, and reveals the step", async () => {
    const user = await learner();
    const events: DrillEvent[] = [{ type: "command", line: "kubectl get pods" }];
    const choice = rightChoice(events, "scaled-to-zero");
    const result = await service().commitPrediction(user.id, drill.slug, "scaled-to-zero", choice, events);
    expect(result).toMatchObject({ ok: true, value: { correct: true, correctIndex: choice, choice } });
    expect(result.ok && result.value.observations.map((o) => o.command)).toEqual([
      "kubectl scale deployment web --replicas=0",
      "kubectl exec client -- curl -s --max-time 5 web",
    ]);
    const state = await service().state(user.id, drill.slug);
    expect(state!.events).toEqual([...events, { type: "predict", stepId: "scaled-to-zero" }]);
    expect(state!.results["scaled-to-zero"]).toMatchObject({ correct: true, choice });
    expect(state!.drill.steps[0]).toEqual(drill.steps[0]); // now complete in the browser's copy
    expect((state!.drill.steps[2] as PredictStep).run).toEqual([]); // the next prediction still hidden
  });

  it("records a wrong prediction as wrong, once; the step cannot be answered again", async () => {
    const user = await learner();
    const wrong = (rightChoice([], "scaled-to-zero") + 1) % 4;
    const first = await service().commitPrediction(user.id, drill.slug, "scaled-to-zero", wrong, []);
    expect(first).toMatchObject({ ok: true, value: { correct: false } });
    const again = await service().commitPrediction(user.id, drill.slug, "scaled-to-zero", wrong, [
      { type: "predict", stepId: "scaled-to-zero" },
    ]);
    expect(again).toEqual({ ok: false, error: "That step is not the current one. Reload the page to continue." });
  });

  it("checks a task on the replayed cluster and only records it once done", async () => {
    const user = await learner();
    await service().commitPrediction(user.id, drill.slug, "scaled-to-zero", 0, []);
    const base: DrillEvent[] = [{ type: "predict", stepId: "scaled-to-zero" }];
    const notYet = await service().checkTask(user.id, drill.slug, "bring-back", [
      ...base,
      { type: "command", line: "kubectl scale deployment web --replicas=1" },
    ]);
    expect(notYet).toMatchObject({
      ok: true,
      value: {
        passed: false,
        checks: [{ passed: false, message: "Service web should have 2 ready endpoints; it has 1." }],
        explanation: null,
      },
    });
    const done = await service().checkTask(user.id, drill.slug, "bring-back", [
      ...base,
      { type: "command", line: "kubectl scale deployment web --replicas=2" },
    ]);
    expect(done).toMatchObject({ ok: true, value: { passed: true } });
    expect((await service().statuses(user.id)).get(drill.slug)).toEqual({ done: 2, total: 3, completed: false });
  });

  it("refuses forged events, unknown drills and steps out of order, changing nothing", async () => {
    const user = await learner();
    const forged: DrillEvent[] = [{ type: "predict", stepId: "scaled-to-zero" }];
    expect(await service().checkTask(user.id, drill.slug, "bring-back", forged)).toMatchObject({
      ok: false,
      error: "That step is not the current one. Reload the page to continue.",
    });
    expect(await service().saveEvents(user.id, drill.slug, forged)).toMatchObject({
      ok: false,
      error: expect.stringContaining("changed in another tab"),
    });
    expect(await service().commitPrediction(user.id, drill.slug, "scaled-to-zero", 9, [])).toEqual({
      ok: false,
      error: "That option is not part of this question.",
    });
    expect(await service().commitPrediction(user.id, "nope", "x", 0, [])).toEqual({
      ok: false,
      error: "There is no such drill.",
    });
    expect(await ctx.repos.drills.find(user.id, drill.slug)).toBeNull();
  });

  it("completes after the last step and can be reset", async () => {
    const user = await learner();
    let events: DrillEvent[] = [];
    for (const step of drill.steps) {
      if (step.type === "predict") {
        await service().commitPrediction(user.id, drill.slug, step.id, rightChoice(events, step.id), events);
        events = [...events, { type: "predict", stepId: step.id }];
      } else {
        events = [...events, ...step.solution.map((line) => ({ type: "command" as const, line }))];
        expect(await service().checkTask(user.id, drill.slug, step.id, events)).toMatchObject({
          ok: true,
          value: { passed: true },
        });
      }
    }
    expect((await service().state(user.id, drill.slug))!.completed).toBe(true);
    await service().reset(user.id, drill.slug);
    expect(await service().state(user.id, drill.slug)).toMatchObject({ events: [], results: {}, completed: false });
  });

  it("keeps one learner's progress from another", async () => {
    const a = await learner();
    const b = await learner();
    await service().commitPrediction(a.id, drill.slug, "scaled-to-zero", 0, []);
    expect(await service().state(b.id, drill.slug)).toMatchObject({ events: [], results: {} });
  });
});
