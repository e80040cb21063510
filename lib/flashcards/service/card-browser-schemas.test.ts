import { describe, expect, it } from "vitest";
import { browseQuerySchema, cardCopySchema, customStudyQuerySchema, suspendCardSchema } from "./schemas";

describe("the card browser's schemas", () => {
  it("reads a suspend form: a lesson or own card id, and which way", () => {
    expect(suspendCardSchema.parse({ cardId: "cluster-ip-vs-pod-ip:define:pod-ip", suspended: "true" })).toEqual({
      cardId: "cluster-ip-vs-pod-ip:define:pod-ip",
      suspended: true,
    });
    expect(suspendCardSchema.parse({ cardId: "own~abc123", suspended: "false" }).suspended).toBe(false);
    expect(suspendCardSchema.safeParse({ cardId: "<script>", suspended: "true" }).success).toBe(false);
    expect(suspendCardSchema.safeParse({ cardId: "own~abc", suspended: "yes" }).success).toBe(false);
  });

  it("takes a copy only of a lesson card, with both sides written", () => {
    const ok = cardCopySchema.safeParse({ cardId: "l:define:x", front: "  Mine  ", back: "Back" });
    expect(ok.success && ok.data.front).toBe("Mine");
    expect(cardCopySchema.safeParse({ cardId: "own~abc", front: "a", back: "b" }).success).toBe(false);
    const empty = cardCopySchema.safeParse({ cardId: "l:define:x", front: " ", back: "b" });
    expect(empty.success ? null : empty.error.issues[0].message).toBe("Write the front of the card.");
  });

  it("reads the browser's query string, falling back to everything for what it cannot read", () => {
    expect(browseQuerySchema.parse({})).toEqual({ q: "", lesson: undefined, state: undefined, page: 1 });
    expect(browseQuerySchema.parse({ q: " pod ", lesson: "own", state: "forgotten", page: "3" })).toEqual({
      q: "pod",
      lesson: "own",
      state: "forgotten",
      page: 3,
    });
    expect(browseQuerySchema.parse({ q: ["a", "b"], lesson: "Bad Slug!", state: "lost", page: "-2" })).toEqual({
      q: "a",
      lesson: undefined,
      state: undefined,
      page: 1,
    });
  });

  it("reads a custom study request", () => {
    expect(customStudyQuerySchema.parse({ kind: "forgotten", lesson: "" })).toEqual({
      kind: "forgotten",
      lesson: undefined,
    });
    expect(customStudyQuerySchema.parse({ kind: "lesson", lesson: "cluster-ip-vs-pod-ip" }).lesson).toBe(
      "cluster-ip-vs-pod-ip",
    );
    expect(customStudyQuerySchema.safeParse({ kind: "everything" }).success).toBe(false);
  });
});
