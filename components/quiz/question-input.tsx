"use client";

import type { PublicQuestion, Response } from "@/lib/quiz/core/types";
import type { Reveal } from "@/lib/quiz/service/quiz-service";
import { kindView } from "./kinds";

// The quiz player's view of any question kind: each call goes to the kind's own view in kinds/.
// A draft is the response being composed, in the question's own kind.

export function emptyDraft(q: PublicQuestion): Response {
  return kindView(q.kind).emptyDraft(q);
}

/** The draft to show for a saved response (or an empty one when there is none). */
export function draftOf(q: PublicQuestion, response: Response | undefined): Response {
  return response && response.kind === q.kind ? response : emptyDraft(q);
}

/** Number key n (1-based) chooses option n; in a multiple-select question it toggles it. */
export function pressNumber(q: PublicQuestion, draft: Response, n: number): Response {
  const view = kindView(q.kind);
  return view.pressNumber ? view.pressNumber(q, draft, n) : draft;
}

/** The draft as a response to submit, or what is still missing, in words. */
export function toResponse(q: PublicQuestion, draft: Response): Response | string {
  return kindView(q.kind).toResponse(q, draft);
}

interface Props {
  question: PublicQuestion;
  draft: Response;
  onChange(draft: Response): void;
  locked: boolean;
  reveal?: Partial<Reveal>;
}

export function QuestionInput({ question, draft, onChange, locked, reveal }: Props) {
  const { Input } = kindView(question.kind);
  return <Input question={question} draft={draft} onChange={onChange} locked={locked} answerKey={reveal?.key} />;
}
