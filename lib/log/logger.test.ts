import { describe, expect, it } from "vitest";
import { logLevelFrom } from "./logger";

describe("logLevelFrom", () => {
  it("takes LOG_LEVEL when it names a level, in any case", () => {
    expect(logLevelFrom({ LOG_LEVEL: "debug" })).toBe("debug");
    expect(logLevelFrom({ LOG_LEVEL: " WARN " })).toBe("warn");
    expect(logLevelFrom({ LOG_LEVEL: "silent", NODE_ENV: "production" })).toBe("silent");
  });

  it("falls back to info on a typo instead of refusing to start, and is quiet in tests", () => {
    expect(logLevelFrom({ LOG_LEVEL: "verbose", NODE_ENV: "production" })).toBe("info");
    expect(logLevelFrom({ NODE_ENV: "production" })).toBe("info");
    expect(logLevelFrom({ NODE_ENV: "test" })).toBe("silent");
    expect(logLevelFrom({ NODE_ENV: "test", LOG_LEVEL: "error" })).toBe("error");
  });
});
