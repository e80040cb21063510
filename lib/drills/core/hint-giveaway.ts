/** Text compared for a hint that gives its solution away: any case, any run of spaces or backticks. */
const squeeze = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s`]+/g, " ")
    .trim();

/**
 * The hints that spell out one of the solution's commands. Hints lead to the solution; the solution
 * itself is offered only after failed checks, so a hint that contains it skips that wait.
 */
export function hintsGivingAway(hints: readonly string[], solution: readonly string[]): string[] {
  return hints.filter((hint) => solution.some((command) => squeeze(hint).includes(squeeze(command))));
}

export const giveawayMessage = (stepId: string, hint: string) =>
  `drill step ${stepId}: the hint "${hint}" contains a solution command; hints lead to it, the solution is offered after failed checks`;
