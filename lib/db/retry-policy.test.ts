import { describe, expect, it } from "vitest";
import { DATABASE_RETRY_POLICY, type RetryQuestion, retryDelayMs, shouldRetry } from "./retry-policy";

const policy = DATABASE_RETRY_POLICY;
const ask = (q: Partial<RetryQuestion>) =>
  shouldRetry(policy, {
    kind: "not-sent",
    operation: "findMany",
    inTransaction: false,
    attempt: 1,
    elapsedMs: 0,
    nextDelayMs: 100,
    ...q,
  });

describe("retryDelayMs", () => {
  it("doubles per retry up to the cap, between half and all of each step", () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4, 5].map((r) => retryDelayMs(policy, r, low))).toEqual([125, 250, 500, 500, 500]);
    expect([1, 2, 3, 4, 5].map((r) => retryDelayMs(policy, r, high))).toEqual([250, 500, 1000, 1000, 1000]);
    expect(retryDelayMs(policy, 2, () => 0.5)).toBe(375);
  });

  it("fits every retry of the policy within its two-second budget even when jitter is at its highest", () => {
    const waits = [1, 2, 3].map((r) => retryDelayMs(policy, r, () => 1));
    expect(waits.reduce((a, b) => a + b)).toBeLessThanOrEqual(policy.budgetMs);
  });
});

describe("shouldRetry", () => {
  it("retries any operation whose statement never reached the database", () => {
    expect(ask({ operation: "findMany" })).toBe(true);
    expect(ask({ operation: "create" })).toBe(true);
    expect(ask({ operation: "upsert" })).toBe(true);
  });

  it("retries only reads when the connection was lost mid-statement", () => {
    expect(ask({ kind: "lost", operation: "findUnique" })).toBe(true);
    expect(ask({ kind: "lost", operation: "count" })).toBe(true);
    expect(ask({ kind: "lost", operation: "$queryRawUnsafe" })).toBe(true);
    for (const write of ["create", "upsert", "update", "updateMany", "delete", "deleteMany", "$executeRaw"])
      expect(ask({ kind: "lost", operation: write }), write).toBe(false);
  });

  it("never retries inside a transaction, nor an error that is not transient", () => {
    expect(ask({ inTransaction: true })).toBe(false);
    expect(ask({ kind: null })).toBe(false);
  });

  it("stops after four tries or once the budget would be exceeded", () => {
    expect(ask({ attempt: 3 })).toBe(true);
    expect(ask({ attempt: 4 })).toBe(false);
    expect(ask({ elapsedMs: 1_900, nextDelayMs: 100 })).toBe(true);
    expect(ask({ elapsedMs: 1_900, nextDelayMs: 101 })).toBe(false);
  });
});
