import { describe, expect, it } from "vitest";
import { type CommandSpec, HELP_GROUPS } from "./command";
import { COMMANDS } from "./commands";
import { rolloutCommand } from "./commands/rollout";
import { commandHelp, commandsMarkdown, kubectlHelp } from "./help";

describe("kubectl --help, written from the command table", () => {
  const help = kubectlHelp(COMMANDS);
  it("lists every command once with kubectl's summary, under its group, groups in kubectl's order", () => {
    for (const c of COMMANDS) {
      expect(help.split("\n").filter((l) => l === `  ${c.name.padEnd(16)}${c.summary}`)).toHaveLength(1);
      const section = help.slice(help.indexOf(`${c.group}:\n`));
      expect(section.slice(0, section.indexOf("\n\n"))).toContain(`  ${c.name} `);
    }
    const shown = HELP_GROUPS.filter((g) => help.includes(`${g}:\n`));
    expect(shown.map((g) => help.indexOf(`${g}:\n`))).toEqual(
      shown.map((g) => help.indexOf(`${g}:\n`)).sort((a, b) => a - b),
    );
  });
  it("leaves out groups with no simulated command and ends with cobra's pointer to per-command help", () => {
    for (const g of HELP_GROUPS) expect(help.includes(`${g}:\n`)).toBe(COMMANDS.some((c) => c.group === g));
    expect(help.endsWith('Use "kubectl <command> --help" for more information about a given command.\n')).toBe(true);
  });
});

describe("kubectl CMD --help", () => {
  it("shows the summary, the sub-commands of a family, the options and the usage", () => {
    const help = commandHelp(["rollout"], rolloutCommand);
    expect(help).toMatch(
      /^Manage the rollout of a resource\.\n\nAvailable Commands:\n {2}history {9}View rollout history\n {2}restart {9}Restart a resource\n/,
    );
    expect(help).toContain("Usage:\n  kubectl rollout SUBCOMMAND\n");
    expect(help).toContain('Use "kubectl rollout <command> --help"');
  });
  it("lists each flag with its short alias, and whether it takes a value", () => {
    const get = COMMANDS.find((c) => c.name === "get")!;
    const help = commandHelp(["get"], get);
    expect(help).toContain("  -o, --output=VALUE\n");
    expect(help).toContain("      --show-labels\n");
    expect(help).toContain("Global options:\n  -n, --namespace=VALUE\n  -A, --all-namespaces\n");
  });
});

describe("the README's table of commands", () => {
  const table = commandsMarkdown(COMMANDS);
  const rows = table.trim().split("\n").slice(2);
  it("has one row per command and per sub-command, each with four cells", () => {
    const paths = (path: string, spec: CommandSpec): string[] => [
      path,
      ...(spec.subcommands ?? []).flatMap((s) => paths(`${path} ${s.name}`, s)),
    ];
    const expected = COMMANDS.flatMap((c) => paths(c.name, c));
    expect(expected).toContain("create service clusterip");
    expect(rows.map((r) => /^\| `kubectl ([^`]+)`/.exec(r)?.[1])).toEqual(expected);
    // Pipes inside usage lines are escaped, so every row splits into exactly four cells.
    for (const r of rows) expect(r.split(/(?<!\\)\|/).length).toBe(6);
  });
});
