import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_MAX_JSON_BYTES, jsonDepth, MAX_JSON_DEPTH, readJsonBody } from "./read-json-body";

const schema = z.object({ slug: z.string().min(1), seconds: z.number().max(3600) });

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/progress", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A body sent in chunks without Content-Length, as `Transfer-Encoding: chunked` arrives. */
function streamed(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
}

async function refusal(result: Awaited<ReturnType<typeof readJsonBody>>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error("accepted");
  return { status: result.response.status, body: await result.response.json() };
}

describe("readJsonBody", () => {
  it("returns the parsed, checked body", async () => {
    expect(await readJsonBody(post(JSON.stringify({ slug: "a", seconds: 5 })), schema)).toEqual({
      ok: true,
      data: { slug: "a", seconds: 5 },
    });
  });

  it("answers 400 with a readable message for text that is not JSON, or not UTF-8", async () => {
    expect(await refusal(await readJsonBody(post("slug=a&seconds=5"), schema))).toEqual({
      status: 400,
      body: { ok: false, error: "The request body must be JSON." },
    });
    expect(await refusal(await readJsonBody(post(""), schema))).toMatchObject({ status: 400 });
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]); // {"é":1} in Latin-1
    expect(await refusal(await readJsonBody(post(latin1), schema))).toEqual({
      status: 400,
      body: { ok: false, error: "The request body must be JSON text in UTF-8." },
    });
  });

  it("names each field the schema refuses", async () => {
    const { status, body } = await refusal(await readJsonBody(post(JSON.stringify({ seconds: 99999 })), schema));
    expect(status).toBe(400);
    expect(body.error).toMatch(/^slug: .+; seconds: .+3600/);
    expect((await refusal(await readJsonBody(post("[1,2]"), schema))).body.error).toMatch(/^body: /);
  });

  it("refuses deep nesting before parsing it", async () => {
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    expect(await refusal(await readJsonBody(post(deep), schema))).toEqual({
      status: 400,
      body: { ok: false, error: `The request body nests deeper than ${MAX_JSON_DEPTH} levels.` },
    });
  });

  it("answers 413 when Content-Length is too big, without reading the body", async () => {
    const request = post("{}", { "content-length": String(DEFAULT_MAX_JSON_BYTES + 1) });
    expect((await refusal(await readJsonBody(request, schema))).status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it("answers 413 for a chunked body that grows past the cap, and stops reading it", async () => {
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(chunk); // never ends: only the cap stops it
      },
    });
    const { status, body: json } = await refusal(await readJsonBody(post(body), schema));
    expect(status).toBe(413);
    expect(json.error).toBe("The request body is too large; this address accepts at most 64 KB.");
    expect(pulled).toBeLessThan(10);
  });

  it("puts chunks back together, and takes a larger cap when a route asks", async () => {
    const text = new TextEncoder().encode(JSON.stringify({ slug: "é".repeat(40_000), seconds: 1 }));
    const halves = [text.slice(0, 1001), text.slice(1001)];
    expect((await refusal(await readJsonBody(post(streamed(halves)), schema))).status).toBe(413);
    const roomy = await readJsonBody(post(streamed(halves)), schema, { maxBytes: 200_000 });
    expect(roomy.ok && roomy.data.slug.length).toBe(40_000);
  });
});

describe("jsonDepth", () => {
  it("counts nesting of arrays and objects, not brackets inside strings", () => {
    expect(jsonDepth("1")).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"quote \\" then [[["}')).toBe(1);
    expect(jsonDepth("[[],[[]],[]]")).toBe(3);
  });
});
