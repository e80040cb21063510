import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgres";

// The embedded default: a SQLite file under data/, so a fresh clone needs no database server.
export const DEFAULT_DATABASE_URL = "file:./data/kubelearn.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.trim() !== "" ? env.DATABASE_URL.trim() : DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** `file:./data/x.db` → absolute path, resolved against the project root (the process cwd). */
export function sqliteFilePath(url: string): string {
  const raw = url.replace(/^file:/, "");
  return raw === ":memory:" ? raw : path.resolve(/* turbopackIgnore: true */ process.cwd(), raw);
}
