import { describe, expect, it } from "vitest";
import { publicDrill } from "./public-drill";
import { bySlug } from "./test-support/content-drills";
import type { PredictStep } from "./types";

describe("what the browser gets", () => {
  const drill = bySlug("pods-come-and-go");
  it("has no answer material for unfinished steps and never a task's solution", () => {
    const sent = publicDrill(drill, new Set());
    const predict = sent.steps[0] as PredictStep;
    expect(predict.run).toEqual([]);
    expect(predict.options.every((o) => o.value === "")).toBe(true);
    expect(predict.explanation).toBe("");
    const task = sent.steps.find((s) => s.type === "task")!;
    expect(task.type === "task" && task.solution).toEqual([]);
    expect(JSON.stringify(sent)).not.toContain(drill.steps[0].explanation);
  });
  it("has a finished prediction in full, so the browser can replay it", () => {
    const sent = publicDrill(drill, new Set(["clusterip-after-delete"]));
    expect(sent.steps[0]).toEqual(drill.steps[0]);
  });
});
