import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// One production server (`next start`) of the fault script's own, on its own port and database,
// with its stdout (the JSON log lines) kept in a file to read afterwards.

export const FAULTS_AUTH_SECRET = "faults-secret-not-for-production-0123456789abcdef";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class NextServer {
  private child: ChildProcess | null = null;
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null = null;
  readonly logFile: string;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly databaseUrl: string,
    logDir: string,
  ) {
    this.logFile = path.join(logDir, `${name}.log`);
  }

  get baseURL() {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and waits until it answers. */
  async start(): Promise<void> {
    const log = fs.openSync(this.logFile, "a");
    const child = spawn("./node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(this.port)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: this.databaseUrl,
        AUTH_SECRET: FAULTS_AUTH_SECRET,
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", log, log],
    });
    fs.closeSync(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited while starting; see ${this.logFile}`);
      try {
        await fetch(`${this.baseURL}/api/health`, { signal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        await pause(100);
      }
    }
    throw new Error(`${this.name} did not answer within 60 s; see ${this.logFile}`);
  }

  signal(signal: NodeJS.Signals) {
    this.child?.kill(signal);
  }

  /** How the process ended, or null if it is still running after `timeoutMs`. */
  async exit(timeoutMs: number) {
    if (!this.exited) return null;
    return Promise.race([this.exited, pause(timeoutMs).then(() => null)]);
  }

  /** Ends the server if it still runs (SIGKILL: cleanup after a check, not a check). */
  async stop() {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill("SIGKILL");
      await this.exit(10_000);
    }
    this.child = null;
  }

  /** The JSON log lines the server wrote (other lines, such as Next's banner, are skipped). */
  logLines(): Record<string, unknown>[] {
    if (!fs.existsSync(this.logFile)) return [];
    return fs
      .readFileSync(this.logFile, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  }
}
