import { describe, expect, it } from "vitest";
import { IN_CHUNK, inChunks } from "./in-chunks";

describe("queries in chunks", () => {
  it("asks at most IN_CHUNK ids at a time and keeps every result in order", async () => {
    const ids = Array.from({ length: IN_CHUNK * 2 + 7 }, (_, i) => `u${i}`);
    const asked: number[] = [];
    const rows = await inChunks(ids, async (chunk) => {
      asked.push(chunk.length);
      return chunk.map((id) => ({ id }));
    });
    expect(asked).toEqual([IN_CHUNK, IN_CHUNK, 7]);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(await inChunks([], async () => [1])).toEqual([]);
  });
});
