import fs from "node:fs";

/** Milliseconds of CPU this thread has used so far (Linux), or null where that cannot be read. */
function threadCpuMs(): number | null {
  try {
    return Number(fs.readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  } catch {
    return null;
  }
}

/**
 * How long the event loop was held up during `work`, by a probe that should tick every 5 ms: how
 * late each tick came, but no more than the CPU time this thread used meanwhile. On a loaded
 * machine a tick also comes late while this thread is not running at all (another process, or the
 * VM's host, has the CPU); that is the machine's delay, not work the request put on this thread.
 */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let lastCpu = threadCpuMs();
  let worst = 0;
  const tick = () => {
    const now = performance.now();
    const cpu = threadCpuMs();
    const late = now - last - 5;
    worst = Math.max(worst, cpu === null || lastCpu === null ? late : Math.min(late, cpu - lastCpu));
    last = now;
    lastCpu = cpu;
  };
  const probe = setInterval(tick, 5);
  try {
    const value = await work();
    tick();
    return { value, stallMs: worst };
  } finally {
    clearInterval(probe);
  }
}
