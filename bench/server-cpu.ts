// A benchmark server's own CPU time per request, printed when it stops. Unlike a profile's busy
// share or a latency, it hardly grows when other jobs hold the machine's cores (time spent waiting
// for a core is not CPU time), so it compares servers across runs on a busy machine.

/** Writes "<label>: CPU … ms for … requests: … ms each" to stderr, counted from `since`. */
export function reportCpu(label: string, since: NodeJS.CpuUsage, requests: number) {
  const { user, system } = process.cpuUsage(since);
  const ms = (user + system) / 1000;
  const each = requests ? (ms / requests).toFixed(2) : "-";
  process.stderr.write(
    `  ${label}: CPU ${ms.toFixed(0)} ms (user ${(user / 1000).toFixed(0)}, system ${(system / 1000).toFixed(0)}) for ${requests} requests: ${each} ms each\n`,
  );
}
