import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";

/** A production server of our own, for specs that must stop and start it (the shared one cannot). */
export class ServerProcess {
  private child: ChildProcess | null = null;
  constructor(
    private readonly port: number,
    private readonly databaseUrl: string,
    /** More environment for this server only (SMTP settings, TRUST_PROXY, …). */
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  get baseURL() {
    return `http://127.0.0.1:${this.port}`;
  }

  private get env() {
    return {
      ...process.env,
      DATABASE_URL: this.databaseUrl,
      AUTH_SECRET: "e2e-restart-secret-0123456789abcdef",
      NODE_ENV: "production" as const,
      ...this.extraEnv,
    };
  }

  migrate() {
    const result = spawnSync("./node_modules/.bin/tsx", ["scripts/db-migrate.ts"], { env: this.env, encoding: "utf8" });
    if (result.status !== 0)
      throw new Error(`migrate failed for ${this.databaseUrl}:\n${result.stdout}\n${result.stderr}`);
  }

  async start() {
    // The server's own output goes to a file, so a spec that fails on a loaded machine says why.
    mkdirSync("test-results", { recursive: true });
    const log = openSync(`test-results/server-${this.port}.log`, "a");
    this.child = spawn("./node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(this.port)], {
      env: this.env,
      stdio: ["ignore", log, log],
    });
    // A cold production server on a busy 2-core machine has taken over 20 s to answer.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.baseURL}/signin`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server on port ${this.port} did not start`);
  }

  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    // next start drains in-flight requests on SIGTERM; a connection the browser keeps open must not
    // hold the spec until its timeout, so after a grace period the server is killed.
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      child.kill("SIGTERM");
    });
    this.child = null;
  }
}
