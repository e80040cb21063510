import type { KubectlCommand } from "../command";
import { applyCommand } from "./apply";
import { cordonCommand, uncordonCommand } from "./cordon";
import { createCommand } from "./create";
import { debugCommand } from "./debug";
import { deleteCommand } from "./delete";
import { describeCommand } from "./describe";
import { drainCommand } from "./drain";
import { eventsCommand } from "./events";
import { execCommand } from "./exec";
import { explainCommand } from "./explain";
import { exposeCommand } from "./expose";
import { getCommand } from "./get";
import { labelCommand } from "./label";
import { logsCommand } from "./logs";
import { patchCommand } from "./patch";
import { portForwardCommand } from "./port-forward";
import { rolloutCommand } from "./rollout";
import { runCommand } from "./run";
import { scaleCommand } from "./scale";
import { setCommand } from "./set";
import { versionCommand } from "./version";
import { waitCommand } from "./wait";

/**
 * Every kubectl command the simulator understands, one module each. The dispatcher, the list of
 * supported commands, `kubectl help` and Tab completion are all derived from this table.
 */
export const COMMANDS: readonly KubectlCommand[] = [
  // In the order of `kubectl --help`, which lists them by group.
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  describeCommand,
  logsCommand,
  execCommand,
  portForwardCommand,
  debugCommand,
  eventsCommand,
  applyCommand,
  patchCommand,
  waitCommand,
  labelCommand,
  versionCommand,
];

export const commandNamed = (name: string | undefined): KubectlCommand | undefined =>
  COMMANDS.find((c) => c.name === name);
