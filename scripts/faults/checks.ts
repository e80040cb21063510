// What the fault script prints: one line per check, "ok" or "FAIL", with the numbers behind it.

export class Checks {
  private failures: string[] = [];
  private passed = 0;

  check(name: string, ok: boolean, detail = ""): boolean {
    console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail ? ` — ${detail}` : ""}`);
    if (ok) this.passed++;
    else this.failures.push(name);
    return ok;
  }

  /** A scenario that could not run at all counts as one failed check. */
  crashed(scenario: string, err: unknown) {
    this.check(`${scenario}: ran to the end`, false, err instanceof Error ? (err.stack ?? err.message) : String(err));
  }

  get failed(): number {
    return this.failures.length;
  }

  summary(): string {
    return `${this.passed} passed, ${this.failures.length} failed`;
  }
}
