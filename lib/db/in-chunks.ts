/**
 * SQLite refuses a statement with more bound parameters than its limit, and `userId IN (...)` binds
 * one per id; Prisma then loads relations (an attempt's answers) with one more `IN` over every row
 * found. Class insights for 1,000 learners hit the limit (bench/dashboards.ts), so queries over a
 * class's members run in chunks whose results are concatenated in chunk order. 200 learners keep
 * the relation query, at some 20 attempts each, well under SQLite's 32,766.
 */
export const IN_CHUNK = 200;

export async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) results.push(...(await query(ids.slice(i, i + IN_CHUNK))));
  return results;
}
