import pino from "pino";

// The one logger: JSON lines on stdout (one object per line, for any log collector), with the
// process id and host name so lines from several instances can be told apart. proxy.ts,
// instrumentation.ts and the data layer write through it; nothing else prints.

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

/**
 * LOG_LEVEL if it names a level (pino would refuse to start on a typo), else "info"; tests are
 * quiet unless LOG_LEVEL says otherwise.
 */
export function logLevelFrom(env: { LOG_LEVEL?: string; NODE_ENV?: string }): LogLevel {
  const wanted = env.LOG_LEVEL?.trim().toLowerCase();
  if (wanted && (LEVELS as readonly string[]).includes(wanted)) return wanted as LogLevel;
  return env.NODE_ENV === "test" ? "silent" : "info";
}

export const logger = pino({
  level: logLevelFrom(process.env),
  timestamp: pino.stdTimeFunctions.isoTime,
  // "level":"warn" rather than pino's numbers: what people grep for.
  formatters: { level: (label) => ({ level: label }) },
});
