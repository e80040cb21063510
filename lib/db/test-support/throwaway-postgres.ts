import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const execFileAsync = promisify(execFile);

// A PostgreSQL cluster of our own, in a temporary folder on a free port, for tests that stop and
// start the database: the machine's shared cluster on 5432 serves other test runs and is never
// restarted. Uses the installed server binaries (Debian: /usr/lib/postgresql/<version>/bin); as root
// they run as the `postgres` user, because PostgreSQL refuses to run as root.

function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0], "bin") : null;
}

const isRoot = () => process.getuid?.() === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class ThrowawayPostgres {
  private constructor(
    private readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Whether this machine has PostgreSQL's server binaries (tests that need them skip otherwise). */
  static available(): boolean {
    return binDir() !== null;
  }

  /** initdb into a fresh temporary folder (trust authentication, 127.0.0.1 only) and start it. */
  static async create(port?: number): Promise<ThrowawayPostgres> {
    const bin = binDir();
    if (!bin) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kubelearn-pg-"));
    if (isRoot()) execFileSync("chown", ["postgres:postgres", dir]);
    const cluster = new ThrowawayPostgres(bin, dir, port ?? (await freePort()));
    await cluster.run("initdb", ["-D", cluster.dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    await cluster.start();
    return cluster;
  }

  private get dataDir() {
    return path.join(this.dir, "data");
  }

  /** Runs a server tool without blocking the event loop: callers keep sending queries meanwhile. */
  private async run(tool: string, args: string[]) {
    const command = path.join(this.bin, tool);
    // cwd: the postgres user cannot always read the caller's working directory.
    const options = { cwd: this.dir };
    if (isRoot()) await execFileAsync("runuser", ["-u", "postgres", "--", command, ...args], options);
    else await execFileAsync(command, args, options);
  }

  /** Starts the server and waits until it accepts connections. */
  start() {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    return this.run("pg_ctl", [
      "start",
      "-w",
      "-D",
      this.dataDir,
      "-l",
      path.join(this.dir, "server.log"),
      "-o",
      options,
    ]);
  }

  /** Stops the server the way an operator's restart does: "fast" terminates every session (57P01). */
  stop(mode: "fast" | "immediate" = "fast") {
    return this.run("pg_ctl", ["stop", "-w", "-m", mode, "-D", this.dataDir]);
  }

  url(database = "postgres") {
    return `postgresql://postgres:throwaway@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ host: "127.0.0.1", port: this.port, user: "postgres", database: "postgres" });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Stops the server (if running) and deletes its folder; synchronous, so it also works in an exit handler. */
  destroy() {
    const args = ["stop", "-w", "-m", "immediate", "-D", this.dataDir];
    const command = path.join(this.bin, "pg_ctl");
    try {
      if (isRoot()) execFileSync("runuser", ["-u", "postgres", "--", command, ...args], { stdio: "ignore" });
      else execFileSync(command, args, { stdio: "ignore" });
    } catch {
      // already stopped
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
