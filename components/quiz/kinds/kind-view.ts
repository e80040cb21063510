import type { ReactNode } from "react";
import type { PublicQuestionOf, QuestionKind, ResponseOf } from "@/lib/quiz/core/types";

// A question kind in the browser. The draft the learner is composing is the kind's own response
// shape (possibly incomplete: no option chosen yet, some items unmatched); toResponse says what is
// missing before it is sent.

export interface KindInputProps<K extends QuestionKind> {
  question: PublicQuestionOf<K>;
  draft: ResponseOf<K>;
  onChange(draft: ResponseOf<K>): void;
  locked: boolean;
  /** The answer key, once the server has revealed it. */
  answerKey?: ResponseOf<K>;
}

/**
 * Methods rather than function-valued properties, so the dispatcher in question-input.tsx can hold
 * any kind's view under one type (method parameters are compared bivariantly).
 */
export interface QuestionKindView<K extends QuestionKind> {
  /** The draft before the learner has done anything. */
  emptyDraft(q: PublicQuestionOf<K>): ResponseOf<K>;
  /** The draft as a response to submit, or what is still missing, in words. */
  toResponse(q: PublicQuestionOf<K>, draft: ResponseOf<K>): ResponseOf<K> | string;
  /** Number key n (1-based), for kinds with numbered options; others ignore number keys. */
  pressNumber?(q: PublicQuestionOf<K>, draft: ResponseOf<K>, n: number): ResponseOf<K>;
  Input(props: KindInputProps<K>): ReactNode;
}
