import type { Checks } from "./checks";
import type { Heartbeats } from "./heartbeats";

/**
 * The two checks every load scenario ends with, against what the database holds per learner: every
 * acknowledged heartbeat is stored (at least as many seconds as 200s, and at least the last total a
 * 200 reported), and none was stored twice (no more seconds than heartbeats sent).
 */
export function checkStoredWrites(checks: Checks, scenario: string, load: Heartbeats, stored: Map<string, number>) {
  let acked = 0;
  let sent = 0;
  let storedTotal = 0;
  const lost: string[] = [];
  const doubled: string[] = [];
  for (const [learner, tally] of load.tallies) {
    const seconds = stored.get(learner) ?? 0;
    acked += tally.acked;
    sent += tally.attempts;
    storedTotal += seconds;
    if (seconds < tally.acked || seconds < tally.lastTotal) lost.push(`${learner}: ${seconds} < ${tally.acked} acked`);
    if (seconds > tally.attempts) doubled.push(`${learner}: ${seconds} > ${tally.attempts} sent`);
  }
  checks.check(
    `${scenario}: every acknowledged write is in the database`,
    acked > 0 && lost.length === 0,
    lost.length > 0 ? lost.join("; ") : `${acked} acknowledged, ${storedTotal} stored, of ${sent} sent`,
  );
  checks.check(
    `${scenario}: no write was stored twice`,
    doubled.length === 0,
    doubled.length > 0 ? doubled.join("; ") : `${storedTotal} stored ≤ ${sent} sent`,
  );
}
