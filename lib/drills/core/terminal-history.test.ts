import { describe, expect, it } from "vitest";
import { historyStep, reverseSearch } from "./terminal-history";

describe("Up and Down walk the history as readline does", () => {
  it("Up from the line being typed reaches the newest entry, then older ones, and stops at the oldest", () => {
    expect(historyStep(3, null, -1)).toBe(2);
    expect(historyStep(3, 2, -1)).toBe(1);
    expect(historyStep(3, 0, -1)).toBe(0);
  });
  it("Down past the newest entry returns to the line being typed; an empty history goes nowhere", () => {
    expect(historyStep(3, 2, 1)).toBeNull();
    expect(historyStep(3, null, 1)).toBeNull();
    expect(historyStep(0, null, -1)).toBeNull();
  });
});

describe("Ctrl-R finds the newest line containing the query, then older ones", () => {
  const history = ["kubectl get pods", "curl web", "kubectl get svc", "help"];
  it("matches anywhere in the line, newest first", () => {
    expect(reverseSearch(history, "get")).toBe(2);
    expect(reverseSearch(history, "get", 2)).toBe(0);
    expect(reverseSearch(history, "get", 0)).toBeNull();
  });
  it("an empty query matches the newest entry; a query nothing contains matches nothing", () => {
    expect(reverseSearch(history, "")).toBe(3);
    expect(reverseSearch(history, "nslookup")).toBeNull();
  });
});
