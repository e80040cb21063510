import type { z } from "zod";
import { type CurrentUser, currentUser, currentUserId } from "@/lib/auth/guards";
import { jsonResponse, jsonError as sharedJsonError } from "@/lib/http/json-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import type { QuizResult } from "@/lib/quiz/service/quiz-service";
import { attemptIdSchema } from "@/lib/quiz/service/schemas";

// The quiz's JSON API (route handlers under app/api/quiz): the same service as the server actions,
// signed in by the session cookie. Every answer is `{ ok: true, value }` or `{ ok: false, error }`
// with a sentence a person can read, and the status says which: 400 bad input, 401 not signed in,
// 404 no such attempt (or not yours), 409 the attempt cannot take it (finished, lesson changed).

type Status = 200 | 201 | 400 | 401 | 404 | 409;

export const jsonError = (status: Exclude<Status, 200 | 201>, error: string) => sharedJsonError(status, error);

export const jsonResult = <T>(result: QuizResult<T>, status: 200 | 201 = 200) =>
  result.ok ? jsonResponse({ ok: true, value: result.value }, { status }) : jsonError(result.status, result.error);

const SIGN_IN = "Sign in to take a quiz.";

/** The signed-in user's id (one read of the session version), or the 401 to answer with. */
export async function signedIn(): Promise<{ id: string } | Response> {
  const id = await currentUserId();
  return id ? { id } : jsonError(401, SIGN_IN);
}

/** The signed-in user's whole row, for a route that needs more than the id, or the 401. */
export async function signedInUser(): Promise<CurrentUser | Response> {
  return (await currentUser()) ?? jsonError(401, SIGN_IN);
}

/**
 * The body parsed with its schema, or the 400/413 that says what is wrong (read through the one
 * size- and depth-capped reader, so a chunked body cannot grow without bound). JSON only: a
 * cross-site form cannot send that content type without a preflight, which this API never grants.
 */
export async function jsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S> | Response> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    return jsonError(400, "Send the body as JSON (Content-Type: application/json).");
  const body = await readJsonBody(request, schema);
  return body.ok ? body.data : body.response;
}

/** The attempt id from the path, or the 404 (an id that cannot exist names no attempt). */
export async function attemptIdFrom(params: Promise<{ attemptId: string }>): Promise<string | Response> {
  const parsed = attemptIdSchema.safeParse((await params).attemptId);
  return parsed.success ? parsed.data : jsonError(404, "There is no such quiz attempt.");
}

export type AttemptRoute = { params: Promise<{ attemptId: string }> };
