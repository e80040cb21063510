import type { MultipleQuestion } from "../kinds/multiple";
import type { SingleQuestion } from "../kinds/single";
import type { TrueFalseQuestion } from "../kinds/true-false";
import { opaqueId, Rng } from "../seeded";
import type { Option } from "../types";

type Filled = "id" | "lessonSlug" | "sectionId" | "concepts" | "source" | "difficulty";
export type ScenarioDraft =
  | Omit<SingleQuestion, Filled>
  | Omit<TrueFalseQuestion, Filled>
  | Omit<MultipleQuestion, Filled>;

/** A family of scenario questions: set up a cluster, make a change, ask what happens. */
export interface ScenarioTemplate {
  id: string;
  /** Concept ids the scenario exercises; a lesson's own concepts are used when none match. */
  concepts: string[];
  /** Preferred lesson sections to link to, first match wins. */
  sections: string[];
  /** The kind every build returns: a quiz is drawn by kind before any scenario is built. */
  kind: ScenarioDraft["kind"];
  build(seed: number): ScenarioDraft;
}

/** agnhost netexec (test/images/agnhost): answers /hostname with its pod's name, so a client sees which pod served it. */
export const ECHO_IMAGE = "registry.k8s.io/e2e-test-images/agnhost:2.52";

/** `kubectl create deployment` of echo servers on port 80. */
export const createEchoDeployment = (app: string, replicas: number) =>
  `kubectl create deployment ${app} --image=${ECHO_IMAGE} --replicas=${replicas} -- /agnhost netexec --http-port=80`;

export const APP_NAMES = ["web", "api", "shop", "echo", "cart", "auth"];

export function params(templateId: string, seed: number) {
  const rng = new Rng(seed ^ 0x5bd1e995 ^ templateId.length);
  return { rng, app: APP_NAMES[rng.int(APP_NAMES.length)] };
}

/** Options whose correctness was computed; ids are opaque so they do not hint at the key. */
export function computedOptions(
  scope: string,
  candidates: { text: string; correct: boolean; misconception?: string }[],
): { options: Option[]; correct: string[] } {
  const options = candidates.map((c) => ({
    id: opaqueId(scope, c.text),
    text: c.text,
    ...(c.correct || !c.misconception ? {} : { misconception: c.misconception }),
  }));
  return { options, correct: candidates.flatMap((c, i) => (c.correct ? [options[i].id] : [])) };
}

/** The single option the simulator's result matches; a scenario that matches none is a bug. */
export function single(scope: string, candidates: { text: string; correct: boolean; misconception?: string }[]) {
  const built = computedOptions(scope, candidates);
  if (built.correct.length !== 1)
    throw new Error(`scenario ${scope}: ${built.correct.length} options match the simulator's result`);
  return { options: built.options, answer: built.correct[0] };
}

/**
 * The options and key of a true/false scenario whose truth the simulator computed; each misconception
 * is what answering that way wrongly reveals.
 */
export function trueFalse(truth: boolean, misconceptions: { answeringTrue: string; answeringFalse: string }) {
  return {
    options: [
      { id: "true", text: "True", ...(truth ? {} : { misconception: misconceptions.answeringTrue }) },
      { id: "false", text: "False", ...(truth ? { misconception: misconceptions.answeringFalse } : {}) },
    ],
    answer: truth ? "true" : "false",
  };
}
