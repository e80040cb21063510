import { describe, expect, it } from "vitest";
import type { MultipleQuestion } from "../kinds/multiple";
import type { SingleQuestion } from "../kinds/single";
import type { TrueFalseQuestion } from "../kinds/true-false";
import { questionPool } from "../pool";
import { lessons, SEEDS } from "../test-support/quiz-fixtures";
import type { Question } from "../types";
import { findScenario } from ".";

// The generator computes a scenario's answer by running lib/sim; these checks replay each scenario
// on a fresh cluster and hold the answers to what Kubernetes does.
describe("simulator scenarios", () => {
  const scenarioPool = (seed: number) => questionPool(lessons[0], seed).filter((q) => q.source === "simulator");
  const correctTexts = (q: Question) =>
    q.kind === "multiple"
      ? q.options.filter((o) => q.answer.includes(o.id)).map((o) => o.text)
      : q.kind === "single" || q.kind === "true-false"
        ? [q.options.find((o) => o.id === q.answer)!.text]
        : [];

  it("records evidence that a fresh simulator run reproduces exactly", () => {
    for (const seed of [1, 2]) {
      for (const q of scenarioPool(seed)) {
        const [, templateId, variantSeed] = q.id.split(":");
        const again = findScenario(templateId)!.build(Number(variantSeed));
        expect(again.evidence, q.id).toEqual(q.evidence);
        expect(again.answer, q.id).toEqual((q as SingleQuestion | TrueFalseQuestion | MultipleQuestion).answer);
      }
    }
  });

  for (const seed of SEEDS.slice(0, 6)) {
    it(`match Kubernetes behaviour (seed ${seed})`, () => {
      for (const q of scenarioPool(seed)) {
        const right = correctTexts(q);
        const template = q.id.split(":")[1];
        switch (template) {
          case "pod-recreated":
            // The ClusterIP, the name and untouched pods keep working; the deleted pod's IP does not.
            expect(right.map((t) => t.split(",")[0].split(" ")[0])).toHaveLength(3);
            expect(right.some((t) => t.includes("the IP of the deleted pod"))).toBe(false);
            break;
          case "restart-or-recreate":
            expect(right).toEqual([q.prompt.includes("kill 1") ? "True" : "False"]);
            break;
          case "scale-lookup":
            expect(right).toEqual(["One address"]);
            break;
          case "headless-lookup":
            expect(right[0]).toMatch(/^\d addresses: the IPs of the ready pods$/);
            break;
          case "outside-cluster-ip":
            expect(right).toEqual(["The connection hangs until it times out"]);
            break;
          case "no-ready-pods":
            expect(right).toEqual(["The connection is refused at once"]);
            break;
          case "nodeport-from-outside":
            expect(right).toEqual(["One of the pods answers with its name"]);
            break;
          case "drain-node":
            expect(right).toEqual([expect.stringMatching(/^The IPs of the \w+ pods that ran on worker-\d$/)]);
            break;
          default:
            throw new Error(`no expectation for scenario ${template}`);
        }
      }
    });
  }
});
