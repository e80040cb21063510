// npm run bench: the simulator at full size (1,000 nodes, 30,000 pods, 3,000 Services, 100,000
// DNS lookups and 100,000 connections) and at a tenth of it, printing time per operation (the
// writes as the median of 21, with the fastest and slowest) and the
// full/tenth ratios. Linear growth shows as a total-time ratio near 10 and a per-operation ratio
// near 1. Figures only: nothing here passes or fails.
import { performance } from "node:perf_hooks";
import { answerQuery, connect, createCluster, resolveFromPod } from "../lib/sim";

interface Figures {
  build: number;
  command: number;
  /** Median, fastest and slowest of WRITES scales by one pod, each of another Deployment. */
  write: Spread;
  /** The same for a scale followed by one connection from a pod (kube-proxy's view after a write). */
  writeConnect: Spread;
  lookups: number;
  connections: number;
  counts: { nodes: number; pods: number; services: number; operations: number; events: number };
  heapMiB: number;
}

interface Spread {
  median: number;
  min: number;
  max: number;
}

/** How many writes the write figures take the median of: one write's time swings with the load and collections. */
const WRITES = 21;

function spread(times: number[]): Spread {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1], min: sorted[0], max: sorted[sorted.length - 1] };
}

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

function run(scale: number): Figures {
  const nodes = Math.round(1000 * scale);
  const services = Math.round(3000 * scale);
  const replicas = 10; // 3,000 Deployments x 10 = 30,000 pods
  const operations = Math.round(100_000 * scale);
  // A /10 pod network holds 4,096 node /24s; it must not overlap the service CIDR 10.96.0.0/12.
  const sim = createCluster({ seed: 1, workers: nodes - 1, podCIDR: "100.64.0.0/10" });
  const { cluster } = sim;

  const [, build] = time(() =>
    cluster.batch(() => {
      for (let i = 0; i < services; i++) {
        const ns = `team-${i % 20}`;
        if (i < 20) sim.run(`kubectl create namespace ${ns}`);
        // A tagged image (IfNotPresent, already on the nodes): the pods run as soon as the batch ends.
        sim.run(`kubectl create deployment app-${i} -n ${ns} --image=nginx:1.27 --replicas=${replicas}`);
        sim.run(`kubectl expose deployment app-${i} -n ${ns} --port=80`);
      }
    }),
  );
  const pods = cluster.pods().filter((p) => p.status.phase === "Running").length;
  // A read settles nothing new (the controllers are skipped while nothing changed); a write makes
  // every controller run again over the whole cluster.
  const [, command] = time(() => sim.run("kubectl get svc app-1 -n team-1"));
  const writes: number[] = [];
  for (let i = 1; i <= WRITES; i++)
    writes.push(time(() => sim.run(`kubectl scale deployment app-${i} -n team-${i % 20} --replicas=11`))[1]);
  const write = spread(writes);

  const clients = cluster.pods("team-0").slice(0, 100);
  // A write, then a connection to the Service it changed: what kube-proxy's routing costs after a write.
  const writeConnects: number[] = [];
  for (let i = 1; i <= WRITES; i++) {
    const ip = cluster.store.get("Service", `team-${i % 20}`, `app-${i}`)!.spec.clusterIP!;
    writeConnects.push(
      time(() => {
        sim.run(`kubectl scale deployment app-${i} -n team-${i % 20} --replicas=12`);
        const result = connect(cluster, { kind: "pod", pod: clients[0] }, ip, 80);
        if (!result.ok) throw new Error(`connection to ${ip} failed: ${result.reason}`);
      })[1],
    );
  }
  const writeConnect = spread(writeConnects);
  const [, lookups] = time(() => {
    for (let i = 0; i < operations; i++) {
      const client = clients[i % clients.length];
      const target = i % services;
      // Short names from the client's namespace, and full names across namespaces.
      const answer =
        target % 20 === 0
          ? resolveFromPod(cluster, client, `app-${target}`)
          : answerQuery(cluster, `app-${target}.team-${target % 20}.svc.cluster.local`);
      if (answer.rcode !== "NOERROR") throw new Error(`lookup ${target} failed: ${answer.rcode}`);
    }
  });
  const ips = cluster.store
    .list("Service")
    .filter((s) => s.metadata.name.startsWith("app-"))
    .map((s) => s.spec.clusterIP!);
  const [, connections] = time(() => {
    for (let i = 0; i < operations; i++) {
      const result = connect(cluster, { kind: "pod", pod: clients[i % clients.length] }, ips[i % ips.length], 80);
      if (!result.ok) throw new Error(`connection to ${ips[i % ips.length]} failed: ${result.reason}`);
    }
  });
  const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
  return {
    build,
    command,
    write,
    writeConnect,
    lookups,
    connections,
    // The event log is bounded (lib/sim/events.ts MAX_EVENTS), however many pods were started.
    counts: { nodes: cluster.nodes().length, pods, services, operations, events: cluster.events.size },
    heapMiB,
  };
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const range = (s: Spread) => `${s.min.toFixed(1)} – ${s.max.toFixed(1)} ms`;
const us = (ms: number, n: number) => `${((ms * 1000) / n).toFixed(2)} µs/op`;

run(0.01); // warm the JIT so the tenth-size figures are not start-up cost
const tenth = run(0.1);
globalThis.gc?.();
const full = run(1);

console.log(`kubelearn simulator benchmark (one run; Node ${process.version})`);
console.log("");
const rows: [string, string, string, string][] = [
  ["", "tenth", "full", "full/tenth"],
  ["nodes", String(tenth.counts.nodes), String(full.counts.nodes), ""],
  ["running pods", String(tenth.counts.pods), String(full.counts.pods), ""],
  ["services", String(tenth.counts.services), String(full.counts.services), ""],
  ["events kept", String(tenth.counts.events), String(full.counts.events), ""],
  ["build (create + reconcile)", fmt(tenth.build), fmt(full.build), `${(full.build / tenth.build).toFixed(1)}x`],
  [
    "  per pod",
    us(tenth.build, tenth.counts.pods),
    us(full.build, full.counts.pods),
    `${(full.build / full.counts.pods / (tenth.build / tenth.counts.pods)).toFixed(2)}x`,
  ],
  [
    "one kubectl command afterwards (a get)",
    fmt(tenth.command),
    fmt(full.command),
    `${(full.command / tenth.command).toFixed(1)}x`,
  ],
  [
    `a write (kubectl scale, +1 pod), median of ${WRITES}`,
    fmt(tenth.write.median),
    fmt(full.write.median),
    `${(full.write.median / tenth.write.median).toFixed(1)}x`,
  ],
  ["  fastest – slowest", range(tenth.write), range(full.write), ""],
  [
    `a write, then a connection, median of ${WRITES}`,
    fmt(tenth.writeConnect.median),
    fmt(full.writeConnect.median),
    `${(full.writeConnect.median / tenth.writeConnect.median).toFixed(1)}x`,
  ],
  ["  fastest – slowest", range(tenth.writeConnect), range(full.writeConnect), ""],
  [`DNS lookups (${tenth.counts.operations} / ${full.counts.operations})`, fmt(tenth.lookups), fmt(full.lookups), ""],
  [
    "  per lookup",
    us(tenth.lookups, tenth.counts.operations),
    us(full.lookups, full.counts.operations),
    `${(full.lookups / full.counts.operations / (tenth.lookups / tenth.counts.operations)).toFixed(2)}x`,
  ],
  [
    `connections (${tenth.counts.operations} / ${full.counts.operations})`,
    fmt(tenth.connections),
    fmt(full.connections),
    "",
  ],
  [
    "  per connection",
    us(tenth.connections, tenth.counts.operations),
    us(full.connections, full.counts.operations),
    `${(full.connections / full.counts.operations / (tenth.connections / tenth.counts.operations)).toFixed(2)}x`,
  ],
  [
    "heap after run",
    `${tenth.heapMiB.toFixed(0)} MiB`,
    `${full.heapMiB.toFixed(0)} MiB`,
    `${(full.heapMiB / tenth.heapMiB).toFixed(1)}x`,
  ],
];
const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
for (const r of rows)
  console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("   "));
console.log("");
console.log(
  `total: ${fmt(tenth.build + tenth.lookups + tenth.connections + full.build + full.lookups + full.connections)}`,
);
