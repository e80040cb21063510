import { fail, ok, type Result } from "../../result";
import { responseProblem } from "./grade";
import { kindModule, ownResponse } from "./kinds";
import { Rng } from "./seeded";
import type { Question, Response } from "./types";

/**
 * How an attempt names its questions, and their options, items and choices, to the browser. The
 * server's scheme is a keyed MAC per attempt (lib/quiz/service/public-id-scheme.ts), so no public
 * id is a function of anything the browser can see; `internalIds` (the identity) is for the
 * author's preview and for tests.
 */
export interface PublicIdScheme {
  question(questionId: string): string;
  /** An option, item or choice of the question `questionId`. */
  choice(questionId: string, internalId: string): string;
}

export const internalIds: PublicIdScheme = { question: (id) => id, choice: (_questionId, id) => id };

export const UNKNOWN_CHOICE = "That option is not part of this question.";

/** Every option, item and choice id a question shows: exactly the ids its kind sends through ctx.publicId. */
export function shownIds(q: Question): string[] {
  const ids: string[] = [];
  const record = (id: string) => {
    ids.push(id);
    return id;
  };
  // The order does not matter here, so any random stream will do.
  kindModule(q.kind).toPublic(q, { rng: new Rng(0), publicId: record });
  return ids;
}

/**
 * A response from the browser (public ids) in the question's internal ids. An id the question
 * never showed under this scheme is refused, so an internal id computed offline earns nothing.
 */
export function toInternalResponse(q: Question, r: Response, scheme: PublicIdScheme): Result<Response> {
  const own = ownResponse(q.kind, r);
  if (!own) return fail(responseProblem(q, r) ?? UNKNOWN_CHOICE);
  const internalOf = new Map(shownIds(q).map((id) => [scheme.choice(q.id, id), id]));
  let unknown = false;
  const internal = kindModule(q.kind).mapIds(own, (id) => {
    const found = internalOf.get(id);
    if (found === undefined) unknown = true;
    return found ?? id;
  });
  return unknown ? fail(UNKNOWN_CHOICE) : ok(internal);
}

/** A stored response or an answer key (internal ids) under the ids the browser knows. */
export function toPublicResponse(q: Question, r: Response, scheme: PublicIdScheme): Response {
  const own = ownResponse(q.kind, r);
  return own ? kindModule(q.kind).mapIds(own, (id) => scheme.choice(q.id, id)) : r;
}
