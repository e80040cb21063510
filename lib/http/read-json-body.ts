import type { z } from "zod";
import { jsonError } from "./json-response";

// The one way a route handler reads a JSON body: size-capped while it streams (proxy.ts can only
// refuse bodies whose Content-Length says they are too big; a chunked body says nothing), then
// nesting-capped, parsed and checked with the route's zod schema. Every failure is a Response with a
// readable message, ready to return.

/** Route bodies are small JSON documents; 64 KB is generous. Pass `maxBytes` for a route that needs more. */
export const DEFAULT_MAX_JSON_BYTES = 64 * 1024;
/** Deeper than any body a route accepts; deep enough input makes recursive code overflow the stack. */
export const MAX_JSON_DEPTH = 32;

export type JsonBody<T> = { ok: true; data: T } | { ok: false; response: Response };

/** How deeply `text` nests arrays and objects, ignoring brackets inside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") deepest = Math.max(deepest, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return deepest;
}

/** The body's bytes, or null once more than `maxBytes` have arrived (the rest is not read). */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The schema's complaints as one sentence per field: "seconds: Too big: expected number to be <=3600". */
const describeIssues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");

export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { maxBytes?: number } = {},
): Promise<JsonBody<z.output<S>>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_JSON_BYTES;
  const tooLarge = () =>
    jsonError(413, `The request body is too large; this address accepts at most ${Math.round(maxBytes / 1024)} KB.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return { ok: false, response: tooLarge() };
  const bytes = await readCapped(request, maxBytes);
  if (!bytes) return { ok: false, response: tooLarge() };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: jsonError(400, "The request body must be JSON text in UTF-8.") };
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    return { ok: false, response: jsonError(400, `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`) };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "The request body must be JSON.") };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, response: jsonError(400, describeIssues(parsed.error)) };
  return { ok: true, data: parsed.data };
}
