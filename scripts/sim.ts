// npm run --silent sim -- [--seed N] [--workers N] [--proxy-mode iptables|ipvs] [SCRIPT]
// Runs simulator commands (one per line, # comments) from SCRIPT or standard input and prints
// "$ <command>" followed by its output. `kubectl apply -f NAME` reads NAME relative to the script.
// npm run --silent sim -- --commands prints the supported kubectl commands as a markdown table.
import fs from "node:fs";
import path from "node:path";
import { createCluster } from "../lib/sim";
import { COMMANDS, commandsMarkdown } from "../lib/sim/kubectl";

function usage(message: string): never {
  console.error(
    `sim: ${message}\nusage: npm run --silent sim -- [--seed N] [--workers N] [--proxy-mode iptables|ipvs] [SCRIPT]\n       npm run --silent sim -- --commands`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === "--commands") {
  process.stdout.write(commandsMarkdown(COMMANDS));
  process.exit(0);
}
let seed = 1;
let workers: number | undefined;
let proxyMode: "iptables" | "ipvs" | undefined;
let script: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--seed") seed = Number(args[++i]);
  else if (a === "--workers") workers = Number(args[++i]);
  else if (a === "--proxy-mode") proxyMode = args[++i] as "iptables" | "ipvs";
  else if (a.startsWith("--")) usage(`unknown option ${a}`);
  else script = a;
}
if (!Number.isInteger(seed)) usage("--seed needs a whole number");
if (workers !== undefined && (!Number.isInteger(workers) || workers < 1))
  usage("--workers needs a whole number of at least 1");
if (proxyMode && proxyMode !== "iptables" && proxyMode !== "ipvs") usage("--proxy-mode is iptables or ipvs");
if (script && !fs.existsSync(script)) usage(`no such file: ${script}`);

const text = script ? fs.readFileSync(script, "utf8") : fs.readFileSync(0, "utf8");
const base = script ? path.dirname(path.resolve(script)) : process.cwd();
const readFile = (name: string) => {
  const file = path.resolve(base, name);
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
};
const sim = createCluster(
  { seed, podIPStart: "seeded", ...(workers ? { workers } : {}), ...(proxyMode ? { proxyMode } : {}) },
  readFile,
);
for (const line of text.split("\n")) {
  const command = line.trim();
  if (command === "" || command.startsWith("#")) continue;
  // The prompt is the learner's "$ " or, inside a container's shell, that shell's ("/ # ").
  const prompt = sim.prompt();
  const result = sim.run(command);
  // A terminal would print the next prompt after output without a newline; the transcript adds one.
  process.stdout.write(
    `${prompt}${command}\n${result.output}${result.output && !result.output.endsWith("\n") ? "\n" : ""}`,
  );
}
