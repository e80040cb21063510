import { describe, expect, it } from "vitest";
import { waitSentence } from "./wait-sentence";

describe("waitSentence", () => {
  it("says seconds under a minute, and whole minutes rounded up after", () => {
    expect(waitSentence(1)).toBe("Try again in 1 second.");
    expect(waitSentence(45)).toBe("Try again in 45 seconds.");
    expect(waitSentence(60)).toBe("Try again in 1 minute.");
    expect(waitSentence(61)).toBe("Try again in 2 minutes.");
    expect(waitSentence(3600)).toBe("Try again in 60 minutes.");
  });
});
