import { withArticle } from "../../content/articles";
import { kindModule, ownResponse } from "./kinds";
import type { AnswerKey, Grade, Question, Response } from "./types";

/** Why a response does not fit its question (unknown option, wrong kind...), or null when it does. */
export function responseProblem(q: Question, r: Response): string | null {
  const own = ownResponse(q.kind, r);
  return own ? kindModule(q.kind).responseProblem(q, own) : `This question expects ${withArticle(q.kind)} answer.`;
}

/** Scores a response that fits its question (see responseProblem). Partial credit where the kind allows it. */
export function gradeResponse(q: Question, r: Response): Grade {
  const own = ownResponse(q.kind, r);
  const score = own ? kindModule(q.kind).grade(q, own) : 0;
  const rounded = Math.round(score * 1000) / 1000;
  return { score: rounded, correct: rounded === 1 };
}

export function answerKey(q: Question): AnswerKey {
  return kindModule(q.kind).answerKey(q);
}

/** The misunderstanding behind a response, when the learner picked a distractor that carries one. */
export function misconceptionOf(q: Question, r: Response): string | null {
  const own = ownResponse(q.kind, r);
  return own ? (kindModule(q.kind).misconception?.(q, own) ?? null) : null;
}
