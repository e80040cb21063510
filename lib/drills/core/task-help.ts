/**
 * How many failed checks of a task before its solution is offered. The server counts them
 * (DrillProgress.failedChecks) and refuses the solution before; the page uses the same number to
 * decide when to show the button.
 */
export const SOLUTION_AFTER_FAILED_CHECKS = 2;
