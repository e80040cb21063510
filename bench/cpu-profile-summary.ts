// Where a V8 CPU profile's time went, as text (for a report; Chrome DevTools shows the same as a
// chart): the share of the samples that was idle, self time grouped by package (node_modules
// package, Prisma's WASM query compiler, Node's own modules, the app's folders), the top self-time
// functions, and the inclusive time of any functions named after the file (each sample counted once
// per name, so recursion does not count twice; an async function counts only while it runs, not
// while it awaits). Usage: tsx bench/cpu-profile-summary.ts FILE.cpuprofile [functionName ...]
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, ...inclusiveNames] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;

/** Who a function belongs to, judged by the script it is in. */
function groupOf({ functionName, url }: ProfileNode["callFrame"]): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(V8 builtins)";
  if (url.startsWith("wasm://")) return "prisma query compiler (wasm)";
  if (url.startsWith("node:"))
    return `node ${
      url
        .slice(5)
        .replace(/^internal\//, "")
        .split("/")[0]
    }`;
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const [scope, name] = url.slice(modules + 13).split("/");
    return scope.startsWith("@") ? `${scope}/${name}` : scope;
  }
  const app = /\/(lib|bench|app)\/([^/]+)/.exec(url);
  if (app?.[1] === "lib" && app[2] === "db" && url.includes("/generated/")) return "lib/db/generated (prisma client)";
  return app ? (app[1] === "lib" ? `lib/${app[2]}` : app[1]) : url;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfByNode = new Map<number, number>();
const inclusive = new Map<string, number>(inclusiveNames.map((n) => [n, 0]));
let total = 0;
profile.samples.forEach((id, i) => {
  // A sample's delta is the time since the previous one: it is charged to this sample's stack.
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  selfByNode.set(id, (selfByNode.get(id) ?? 0) + dt);
  if (inclusive.size === 0) return;
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = byId.get(at)!.callFrame.functionName;
    if (inclusive.has(name) && !seen.has(name)) {
      seen.add(name);
      inclusive.set(name, inclusive.get(name)! + dt);
    }
  }
});

const self = new Map<string, { ms: number; group: string }>();
const groups = new Map<string, number>();
for (const [id, us] of selfByNode) {
  const frame = byId.get(id)!.callFrame;
  const group = groupOf(frame);
  const where = frame.url ? `${frame.url.split("/").slice(-1)[0]}:${frame.lineNumber + 1}` : "";
  const key = `${frame.functionName || "(anonymous)"} ${where}`.trim();
  self.set(key, { ms: (self.get(key)?.ms ?? 0) + us / 1000, group });
  groups.set(group, (groups.get(group) ?? 0) + us / 1000);
}

const totalMs = total / 1000;
const idleMs = groups.get("(idle)") ?? 0;
const busyMs = totalMs - idleMs;
const pct = (ms: number) => `${((100 * ms) / busyMs).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(totalMs / 1000).toFixed(1)} s sampled, idle ${((100 * idleMs) / totalMs).toFixed(1)} %`);
console.log("self time by package (share of the busy time):");
for (const [group, ms] of [...groups]
  .filter(([g]) => g !== "(idle)")
  .sort((a, b) => b[1] - a[1])
  .slice(0, 20))
  console.log(`  ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${group}`);
console.log("top self-time functions:");
for (const [name, { ms, group }] of [...self]
  .filter(([, v]) => v.group !== "(idle)")
  .sort((a, b) => b[1].ms - a[1].ms)
  .slice(0, 10))
  console.log(`  ${pct(ms)} ${ms.toFixed(0).padStart(7)} ms  ${name}  [${group}]`);
if (inclusive.size > 0) console.log("inclusive time (while running, not while awaiting):");
for (const [name, us] of inclusive)
  console.log(`  ${pct(us / 1000)} ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
