import type { Learner } from "./learners";

// The load: every learner sends reading-time heartbeats (POST /api/progress, one second each) one
// after another, as fast as the server answers, until told to stop. A 200 acknowledges the write and
// carries the learner's stored total; everything else is recorded with when it happened.

export interface Outcome {
  learner: string;
  at: number;
  server: string;
  /** HTTP status, or "network" when no response came (connection refused or cut). */
  status: number | "network";
  total?: number;
  retryAfter?: string | null;
  body?: string;
}

export interface LearnerTally {
  attempts: number;
  acked: number;
  /** The highest total a 200 reported: the stored value must be at least this. */
  lastTotal: number;
}

export class Heartbeats {
  readonly outcomes: Outcome[] = [];
  readonly tallies = new Map<string, LearnerTally>();
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly learners: Learner[],
    private readonly lessonSlug: string,
  ) {}

  /** Sends one heartbeat for `learner` to `baseURL` and records its outcome. */
  async send(learner: Learner, baseURL: string): Promise<Outcome> {
    const tally = this.tallies.get(learner.id) ?? { attempts: 0, acked: 0, lastTotal: 0 };
    this.tallies.set(learner.id, tally);
    tally.attempts++;
    const at = Date.now();
    let outcome: Outcome;
    try {
      const response = await fetch(`${baseURL}/api/progress`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: learner.cookie },
        body: JSON.stringify({ slug: this.lessonSlug, seconds: 1 }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = await response.text();
      outcome = { learner: learner.id, at, server: baseURL, status: response.status, body };
      if (response.status === 200) {
        outcome.total = (JSON.parse(body) as { timeSpentSec: number }).timeSpentSec;
        tally.acked++;
        tally.lastTotal = Math.max(tally.lastTotal, outcome.total);
      } else outcome.retryAfter = response.headers.get("retry-after");
    } catch {
      outcome = { learner: learner.id, at, server: baseURL, status: "network" };
    }
    this.outcomes.push(outcome);
    return outcome;
  }

  /** Starts every learner's loop; request i of a learner goes to servers[i % servers.length]. */
  start(servers: string[]) {
    this.running = true;
    this.loops = this.learners.map(async (learner) => {
      for (let i = 0; this.running; i++) {
        const outcome = await this.send(learner, servers[i % servers.length]);
        // A refused connection answers at once; do not spin while a server is down.
        if (outcome.status === "network") await new Promise((r) => setTimeout(r, 50));
      }
    });
  }

  async stop() {
    this.running = false;
    await Promise.all(this.loops);
  }

  statuses(from = 0, to = Number.POSITIVE_INFINITY): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const o of this.outcomes) if (o.at >= from && o.at <= to) counts[o.status] = (counts[o.status] ?? 0) + 1;
    return counts;
  }
}

/** "200×120, 503×8": a status histogram for a check's detail. */
export const describeStatuses = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([status, n]) => `${status}×${n}`)
    .join(", ") || "none";
