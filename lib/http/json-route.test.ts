import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError } from "../db/database-unavailable";
import { jsonRoute, RETRY_AFTER_SECONDS } from "./json-route";

const request = () =>
  new Request("http://localhost/api/progress", { method: "POST", headers: { "x-request-id": "r-12345678" } });

describe("jsonRoute", () => {
  it("passes the handler's own response through", async () => {
    const route = jsonRoute(async () => Response.json({ ok: true }, { status: 201 }));
    expect((await route(request())).status).toBe(201);
  });

  it("answers 503 JSON with Retry-After when the database stayed out of reach", async () => {
    const route = jsonRoute(async () => {
      throw new DatabaseUnavailableError(new Error("Can't reach database server"), 4);
    });
    const response = await route(request());
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
    expect(await response.json()).toEqual({
      ok: false,
      error: "kubelearn is briefly unavailable; try again in a few seconds.",
    });
  });

  it("also recognises a raw transient error from a path the retrying client does not wrap", async () => {
    const route = jsonRoute(async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    });
    expect((await route(request())).status).toBe(503);
  });

  it("leaves every other error to Next.js (a 500 without details, logged by instrumentation.ts)", async () => {
    const route = jsonRoute(async () => {
      throw new Error("a bug");
    });
    await expect(route(request())).rejects.toThrow("a bug");
  });
});
