// Reading what the shell tools printed, for code that asks "what happened?" of a command's result.

/** How a curl (or wget) call ended, from its exit code: 0 answered, 7 refused, 6 unresolved, else timed out. */
export type Outcome = "answered" | "refused" | "timeout" | "unresolved";

export function curlOutcome(exitCode: number): Outcome {
  if (exitCode === 0) return "answered";
  if (exitCode === 7) return "refused";
  if (exitCode === 6) return "unresolved";
  return "timeout";
}

/** The addresses in an nslookup answer, leaving out the "Address:" of the server block above it. */
export const nslookupAddresses = (output: string) =>
  [
    ...output
      .split("\n\n")
      .slice(1)
      .join("\n")
      .matchAll(/^Address: (\S+)$/gm),
  ].map((m) => m[1]);

/** The SRV records in an nslookup answer (`… service = priority weight port target.`). */
export const nslookupServices = (output: string) =>
  [...output.matchAll(/\tservice = (\d+) (\d+) (\d+) (\S+)\.$/gm)].map((m) => ({
    priority: Number(m[1]),
    weight: Number(m[2]),
    port: Number(m[3]),
    target: m[4],
  }));

/** The names an nslookup answer points to: PTR (`name = X.`) and CNAME (`canonical name = X.`) targets. */
export const nslookupTargets = (output: string) =>
  [...output.matchAll(/\t(?:canonical )?name = (\S+)\.$/gm)].map((m) => m[1]);
