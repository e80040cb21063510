import { type ChildProcess, spawn, spawnSync } from "node:child_process";

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
    this.child = spawn("./node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(this.port)], {
      env: this.env,
      stdio: "ignore",
    });
    const deadline = Date.now() + 30_000;
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
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
    this.child = null;
  }
}
