// The baseline for npm run bench:load: a bare node:http server that does one INSERT per request,
// of a row shaped like a quiz answer, on the same database as the app (better-sqlite3 for SQLite, a
// pg pool of the app's size for PostgreSQL), with the app's durability: on SQLite the same journal
// pragmas as the app's connection (WAL, synchronous = FULL: each acknowledged row synced to disk; a
// connection that opens a WAL file otherwise gets better-sqlite3's NORMAL, which syncs only at
// checkpoints and so is not a comparable INSERT). No framework, no session, no validation: what the
// machine and the database can do. At SIGTERM it writes its CPU time per request to stderr.
// Usage: tsx bench/load-baseline-server.ts <database-url> <port>
import { randomUUID } from "node:crypto";
import http from "node:http";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFilePath } from "../lib/db/database-url";
import { SQLITE_PRAGMAS } from "../lib/db/driver-adapter";
import { reportCpu } from "./server-cpu";

const [url, port] = process.argv.slice(2);
const TABLE = `CREATE TABLE IF NOT EXISTS "BenchBaseline" ("id" TEXT PRIMARY KEY, "attemptId" TEXT NOT NULL,
  "questionId" TEXT NOT NULL, "response" TEXT NOT NULL, "score" REAL NOT NULL, "answeredAt" TEXT NOT NULL)`;
const INSERT = `INSERT INTO "BenchBaseline" ("id", "attemptId", "questionId", "response", "score", "answeredAt")`;

type Insert = (row: { attemptId: string; questionId: string; response: string }) => Promise<void>;

async function connect(): Promise<Insert> {
  const values = (row: Parameters<Insert>[0]) => [
    randomUUID(),
    row.attemptId,
    row.questionId,
    row.response,
    1,
    new Date().toISOString(),
  ];
  if (providerOf(url) === "postgres") {
    // The app's pool size (lib/db/driver-adapter.ts), so the two compare like for like.
    const pool = new pg.Pool({ connectionString: url, max: 5 });
    await pool.query(TABLE);
    return async (row) => {
      await pool.query(`${INSERT} VALUES ($1, $2, $3, $4, $5, $6)`, values(row));
    };
  }
  const db = new Database(sqliteFilePath(url));
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  db.exec(TABLE);
  const statement = db.prepare(`${INSERT} VALUES (?, ?, ?, ?, ?, ?)`);
  return async (row) => {
    statement.run(values(row));
  };
}

async function main() {
  const insert = await connect();
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      let row: { attemptId: string; questionId: string; response: unknown };
      try {
        row = JSON.parse(body);
      } catch {
        return reply(400, { ok: false, error: "not JSON" });
      }
      insert({
        attemptId: String(row.attemptId),
        questionId: String(row.questionId),
        response: JSON.stringify(row.response),
      })
        .then(() => reply(200, { ok: true }))
        .catch((err: Error) => reply(500, { ok: false, error: err.message }));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(port), "127.0.0.1", () => console.log(`baseline listening on ${port}`));
  const cpu = process.cpuUsage();
  process.once("SIGTERM", () => {
    reportCpu("baseline server", cpu, requests);
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
