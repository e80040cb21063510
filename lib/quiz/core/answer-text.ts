import { kindModule, ownResponse } from "./kinds";
import type { PublicQuestion, Response } from "./types";

/** A response or an answer key in words, one line each, for feedback and the review page. */
export function answerText(q: PublicQuestion, given: Response): string[] {
  const own = ownResponse(q.kind, given);
  return own ? kindModule(q.kind).answerText(q, own) : [];
}
