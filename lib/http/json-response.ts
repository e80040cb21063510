// The one shape of a route handler's refusal: `{ ok: false, error }` with a sentence a person can
// read, the same shape the lib/result.ts Result carries.

/**
 * A JSON response that states its length. Next.js gzips every response whose length it does not
 * know; with the length stated, a body under the compressor's 1 KB threshold goes out as it is (on
 * a few hundred bytes gzip saves nothing worth its CPU and its extra stream), larger ones are still
 * compressed.
 */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const text = JSON.stringify(body);
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  headers.set("content-length", String(Buffer.byteLength(text)));
  return new Response(text, { status: init.status, headers });
}

export function jsonError(status: number, error: string, headers?: HeadersInit): Response {
  return jsonResponse({ ok: false, error }, { status, headers });
}
