export const TEST_SQLITE_URL = "file:./data/vitest.db";

/**
 * The real databases integration tests run against: always a SQLite file, and PostgreSQL when
 * TEST_POSTGRES_URL is set (npm test and .ci/run start a local server and set it).
 */
export const testDatabases: { name: string; url: string }[] = [
  { name: "SQLite", url: TEST_SQLITE_URL },
  ...(process.env.TEST_POSTGRES_URL ? [{ name: "PostgreSQL", url: process.env.TEST_POSTGRES_URL }] : []),
];

export const uniqueEmail = (label: string) =>
  `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
