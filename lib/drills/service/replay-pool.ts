import path from "node:path";
import { Worker } from "node:worker_threads";
import type { GradeJob, GradeReply } from "./grade-step";

// Replays run in worker threads so that no learner's commands can stall the server's request thread
// (one `kubectl scale deployment web --replicas=100000` keeps the simulator busy for seconds). Each
// job gets a time budget; past it the worker is terminated, and a fresh one starts when needed.
// Memory is capped the same way: a worker that outgrows its heap dies alone.

export type PoolOutcome =
  | { kind: "done"; reply: GradeReply }
  /** Past the time budget or the memory cap: the worker was terminated. */
  | { kind: "over-budget" }
  /** More jobs are waiting than the pool keeps: refused at once rather than queued for minutes. */
  | { kind: "busy" };

export interface ReplayPool {
  grade(job: GradeJob): Promise<PoolOutcome>;
  /** Terminates every worker; jobs still waiting are refused. */
  close(): Promise<void>;
}

export interface ReplayPoolOptions {
  size: number;
  /** Milliseconds a job may run, counted from when a ready worker receives it. */
  budgetMs: number;
  maxQueue: number;
  /** Heap cap per worker in MB. */
  heapMb: number;
}

// Under Next.js (`next build`, `next dev`) the worker entry is bundled: Turbopack compiles the file
// named in `new Worker("./lib/...")` (a path from the project directory, where Next runs) into a
// chunk of its own and points the call at it. (The `new URL("./replay-worker.ts", import.meta.url)`
// form works too, but also copies the .ts source into the public static files.) From TypeScript
// source (Vitest, tsx scripts) Node 20 cannot load .ts in a worker, and `--import tsx` in a worker's
// execArgv does not reach its entry, so a two-line bootstrap registers tsx's require hook and then
// requires the same file.
const TSX_BOOTSTRAP = `require("tsx/cjs/api").register();
require(require("node:worker_threads").workerData.entry);`;

function startWorker(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (process.env.NEXT_RUNTIME) return new Worker("./lib/drills/service/replay-worker.ts", { resourceLimits });
  const entry = path.join(import.meta.dirname, "replay-worker.ts");
  return new Worker(TSX_BOOTSTRAP, { eval: true, workerData: { entry }, resourceLimits });
}

interface Job {
  job: GradeJob;
  resolve: (outcome: PoolOutcome) => void;
  reject: (err: Error) => void;
}

type WorkerMessage = { type: "ready" } | { type: "reply"; reply: GradeReply } | { type: "failed"; message: string };

export function createReplayPool(options: ReplayPoolOptions): ReplayPool {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const workers = new Set<Worker>();
  let closed = false;

  function retire(worker: Worker) {
    workers.delete(worker);
    void worker.terminate();
    if (queue.length > 0 && !closed) spawn();
  }

  /** A ready worker takes the next job, or waits (unref'd, so an idle pool never keeps a process alive). */
  function next(worker: Worker) {
    const job = queue.shift();
    if (!job) {
      worker.unref();
      idle.push(worker);
      return;
    }
    worker.ref();
    const started = performance.now();
    const done = () => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const timer = setTimeout(() => {
      done();
      retire(worker);
      job.resolve({ kind: "over-budget" });
    }, options.budgetMs);
    const onMessage = (m: WorkerMessage) => {
      done();
      if (m.type === "reply") {
        // When this thread was busy past the budget, the reply and the timer are both due at once
        // and the reply may be handled first: the budget is the elapsed time, whichever fires first.
        const overBudget = performance.now() - started > options.budgetMs;
        job.resolve(overBudget ? { kind: "over-budget" } : { kind: "done", reply: m.reply });
        next(worker);
      } else {
        retire(worker);
        job.reject(new Error(`replay worker failed: ${m.type === "failed" ? m.message : m.type}`));
      }
    };
    const onError = (err: Error & { code?: string }) => {
      done();
      retire(worker);
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") job.resolve({ kind: "over-budget" });
      else job.reject(err);
    };
    const onExit = (code: number) => onError(new Error(`replay worker exited with code ${code}`));
    worker.on("message", onMessage);
    worker.once("error", onError);
    worker.once("exit", onExit);
    worker.postMessage(job.job);
  }

  function spawn() {
    const worker = startWorker(options.heapMb);
    workers.add(worker);
    const failed = (err: Error) => {
      workers.delete(worker);
      // A worker that cannot even start would fail every job the same way: say so to all of them.
      for (const job of queue.splice(0)) job.reject(new Error(`replay worker did not start: ${err.message}`));
    };
    worker.once("error", failed);
    worker.once("message", (m: WorkerMessage) => {
      worker.off("error", failed);
      if (m.type === "ready") next(worker);
      else failed(new Error(m.type));
    });
  }

  return {
    grade(job) {
      if (closed) return Promise.reject(new Error("the replay pool is closed"));
      if (queue.length >= options.maxQueue) return Promise.resolve({ kind: "busy" });
      return new Promise((resolve, reject) => {
        queue.push({ job, resolve, reject });
        const worker = idle.pop();
        if (worker) next(worker);
        else if (workers.size < options.size) spawn();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("the replay pool is closed"));
      idle.length = 0;
      await Promise.all([...workers].map((w) => w.terminate()));
      workers.clear();
    },
  };
}
