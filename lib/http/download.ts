/**
 * A file the browser saves rather than shows: the name is reduced to safe ASCII for the plain
 * parameter and given in full, percent-encoded, in `filename*` (RFC 6266), so a class called
 * "Café 1" downloads as "Café 1 items.csv" where the browser supports it. The body is text, or the
 * bytes of a binary file (an Anki package, a zip).
 */
export function downloadResponse(
  body: string | Uint8Array<ArrayBuffer>,
  filename: string,
  contentType: string,
): Response {
  const ascii = filename.replace(/[^A-Za-z0-9 ._-]/g, "_");
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "cache-control": "private, no-store",
    },
  });
}
