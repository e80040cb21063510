import { describe, expect, it } from "vitest";
import { FRAME_COOKIE_HOURS, readFrameCookie, signFrameCookie } from "./frame-cookie";

describe("the LTI frame cookie", () => {
  const now = new Date("2026-06-01T09:00:00Z");
  const origins = ["http://127.0.0.1:3101", "https://moodle.example.edu"];

  it("reads back the origins it signed until it expires", async () => {
    const value = await signFrameCookie(origins, "secret-1", now);
    expect(await readFrameCookie(value, "secret-1", now)).toEqual(origins);
    const late = new Date(now.getTime() + FRAME_COOKIE_HOURS * 3600_000);
    expect(await readFrameCookie(value, "secret-1", late)).toEqual([]);
  });

  it("trusts nothing in a cookie with another secret or a changed body", async () => {
    const value = await signFrameCookie(origins, "secret-1", now);
    expect(await readFrameCookie(value, "secret-2", now)).toEqual([]);
    const [, mac] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ o: ["https://evil.example"], exp: now.getTime() + 1e9 })).toString(
      "base64url",
    );
    expect(await readFrameCookie(`${forged}.${mac}`, "secret-1", now)).toEqual([]);
    expect(await readFrameCookie("garbage", "secret-1", now)).toEqual([]);
    expect(await readFrameCookie(undefined, "secret-1", now)).toEqual([]);
  });
});
