import os from "node:os";
import { parentPort } from "node:worker_threads";
import { type GradeJob, gradeStep } from "./grade-step";

// The entry of a replay worker thread (see replay-pool.ts): one job at a time, answered in order.
// It says "ready" once its modules are loaded, so that loading never counts against a job's budget.

const port = parentPort;
if (!port) throw new Error("replay-worker.ts runs as a worker thread (see replay-pool.ts)");
// Linux gives each thread its own nice value (elsewhere it would be the whole server's): a replay
// yields the CPU to the server's request thread whenever both want it.
if (process.platform === "linux") os.setPriority(10);

port.on("message", (job: GradeJob) => {
  try {
    port.postMessage({ type: "reply", reply: gradeStep(job) });
  } catch (err) {
    port.postMessage({ type: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
port.postMessage({ type: "ready" });
