import { describe, expect, it } from "vitest";
import { jsonError, jsonResponse } from "./json-response";

describe("JSON responses", () => {
  it("state their length in bytes, so a small body is not gzipped", async () => {
    const res = jsonResponse({ ok: true, value: { text: "Pod → Service" } }, { status: 201 });
    const text = await res.text();
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(Number(res.headers.get("content-length"))).toBeGreaterThan(text.length);
    expect(JSON.parse(text)).toEqual({ ok: true, value: { text: "Pod → Service" } });
  });

  it("keep the refusal shape and extra headers", async () => {
    const res = jsonError(429, "Wait a minute.", { "retry-after": "60" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("60");
    expect(await res.json()).toEqual({ ok: false, error: "Wait a minute." });
  });
});
