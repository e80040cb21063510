// The one shape of a route handler's refusal: `{ ok: false, error }` with a sentence a person can
// read, the same shape the lib/result.ts Result carries.

export function jsonError(status: number, error: string, headers?: HeadersInit): Response {
  return Response.json({ ok: false, error }, { status, headers });
}
