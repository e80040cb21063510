// One id per request, on the request (so server code and logs can read it) and on the response (so a
// person reporting a problem can quote it). Pure: the generator is passed in.

export const REQUEST_ID_HEADER = "x-request-id";

// What load balancers and tracing proxies send (UUIDs, hex trace ids, "Root=1-…"); anything else
// (spaces, quotes, newlines that would forge log lines, a megabyte of text) is replaced.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:=-]{8,128}$/;

/**
 * The id for this request: the incoming x-request-id when a trusted proxy in front set it
 * (TRUST_PROXY=1) and it looks like an id, so one request keeps one id across both hops; otherwise a
 * fresh one, since a client could send any text.
 */
export function requestIdFor(
  incoming: string | null,
  trustProxy: boolean,
  generate: () => string = () => crypto.randomUUID(),
): string {
  if (trustProxy && incoming && VALID_REQUEST_ID.test(incoming)) return incoming;
  return generate();
}
