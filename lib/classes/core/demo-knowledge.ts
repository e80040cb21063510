import type { Option } from "../../quiz/core/types";
import type { DistractorPull } from "./demo-answers";
import type { LearnerProfile } from "./demo-learners";
import { normal, rngFor, sigmoid } from "./demo-random";

// What a generated learner knows: the chance of getting something right grows with their ability
// and with practice on its concepts, and falls with the concepts' difficulty (fixed per class seed)
// and the question's. A one-parameter logistic model, as in item response theory, with a practice
// term so that learners improve.

/** Logit of a typical learner's first answer on a concept of average difficulty, lesson read. */
const BASE = 0.3;
/** Each doubling of practice on a concept adds about this much to the logit. */
const PRACTICE_GAIN = 0.45;
/** Answering about a lesson not yet read. */
const UNREAD = -0.8;
/** Per difficulty step of a question (1 easy, 2, 3 hard). */
const QUESTION_STEP = 0.35;

const key = (lessonSlug: string, conceptId: string) => `${lessonSlug}\u0000${conceptId}`;

export class Knowledge {
  private readonly practice = new Map<string, number>();
  private readonly prone = new Map<string, boolean>();

  constructor(
    private readonly seed: number,
    private readonly profile: LearnerProfile,
    private readonly difficulty: (lessonSlug: string, conceptId: string) => number,
  ) {}

  /** The chance of knowing the answer to a question about these concepts. */
  chance(lessonSlug: string, concepts: readonly string[], questionDifficulty: number, read: boolean): number {
    const ids = concepts.length > 0 ? concepts : [""];
    const mean = (f: (c: string) => number) => ids.reduce((sum, c) => sum + f(c), 0) / ids.length;
    const hardness = mean((c) => this.difficulty(lessonSlug, c));
    const practised = mean((c) => this.practice.get(key(lessonSlug, c)) ?? 0);
    return sigmoid(
      BASE +
        this.profile.ability -
        hardness -
        QUESTION_STEP * (questionDifficulty - 2) +
        PRACTICE_GAIN * Math.log2(1 + practised) +
        (read ? 0 : UNREAD),
    );
  }

  /** One more graded piece of practice (an answer, a drill step, a card) on these concepts. */
  practised(lessonSlug: string, concepts: readonly string[], amount = 1): void {
    for (const c of concepts)
      this.practice.set(key(lessonSlug, c), (this.practice.get(key(lessonSlug, c)) ?? 0) + amount);
  }

  /** How a distractor draws this learner: each learner is prone to about a quarter of the misconceptions. */
  readonly pull: DistractorPull = (option: Option) => {
    if (!option.misconception) return 1;
    let prone = this.prone.get(option.misconception);
    if (prone === undefined) {
      prone = rngFor(this.seed, "prone", this.profile.index, option.misconception).next() < 0.25;
      this.prone.set(option.misconception, prone);
    }
    return prone ? 5 : 1.5;
  };
}

/** Each concept's difficulty for a class: a normal draw per concept, the same for every learner. */
export function conceptDifficulty(seed: number): (lessonSlug: string, conceptId: string) => number {
  const cache = new Map<string, number>();
  return (lessonSlug, conceptId) => {
    const k = key(lessonSlug, conceptId);
    let d = cache.get(k);
    if (d === undefined) {
      d = 0.6 * normal(rngFor(seed, "concept", lessonSlug, conceptId));
      cache.set(k, d);
    }
    return d;
  };
}
