import "server-only";
import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import { appUrl } from "../../auth/server";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { drillLibrary } from "../../drills/service/server";
import { logger } from "../../log/logger";
import { frameAncestorOrigins } from "../core/frame-ancestors";
import { createDeepLinkService, type DeepLinkItem } from "./deep-link-service";
import { createLaunchService } from "./launch-service";
import { createRegistrationService } from "./registration-service";
import { createScoreSender } from "./score-sender";
import { loadToolKey, type ToolKey } from "./tool-key";
import { toolUrls } from "./tool-urls";

const globalForLti = globalThis as unknown as {
  kubelearnLtiKey?: Promise<ToolKey>;
  kubelearnJwks?: Map<string, JWTVerifyGetKey>;
};

/** The tool's key, loaded (or generated and stored) once per process. */
export function ltiToolKey(): Promise<ToolKey> {
  globalForLti.kubelearnLtiKey ??= loadToolKey(repositories().lti, process.env).catch((err) => {
    globalForLti.kubelearnLtiKey = undefined;
    throw err;
  });
  return globalForLti.kubelearnLtiKey;
}

/** One remote key set per platform JWKS URL: jose caches its keys and refetches on an unknown kid. */
function platformKeys(jwksUrl: string): JWTVerifyGetKey {
  globalForLti.kubelearnJwks ??= new Map();
  let keys = globalForLti.kubelearnJwks.get(jwksUrl);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    globalForLti.kubelearnJwks.set(jwksUrl, keys);
  }
  return keys;
}

const randomToken = () => randomBytes(32).toString("base64url");
const now = () => new Date();

export const ltiUrls = () => toolUrls(appUrl());

/** Lesson quizzes, module quizzes and drills, in course order. */
function catalog(): DeepLinkItem[] {
  const library = contentLibrary();
  return [
    ...library.lessons.map((l) => ({ target: { kind: "lesson" as const, id: l.slug }, title: `Quiz: ${l.title}` })),
    ...library.modules.map((m) => ({
      target: { kind: "module" as const, id: m.id },
      title: `Module quiz: ${m.title}`,
    })),
    ...drillLibrary().map((d) => ({ target: { kind: "drill" as const, id: d.slug }, title: `Drill: ${d.title}` })),
  ];
}

export const ltiLaunches = () => {
  const repos = repositories();
  return createLaunchService({
    lti: repos.lti,
    users: repos.users,
    now,
    randomToken,
    toolKey: ltiToolKey,
    platformKeys,
    urls: ltiUrls(),
  });
};

export const ltiDeepLinks = () =>
  createDeepLinkService({ lti: repositories().lti, now, randomToken, toolKey: ltiToolKey, urls: ltiUrls(), catalog });

/** The origins that may frame the launch routes: those of every registered platform. */
export async function ltiFrameOrigins(): Promise<string[]> {
  return frameAncestorOrigins(await repositories().lti.framingPlatforms());
}

export const ltiRegistrations = () => createRegistrationService({ lti: repositories().lti, now });

/** The latest grade passback rows of the instructor's own registrations, for /teach/lti. */
export const ltiOutbox = (instructorId: string) => repositories().lti.scoreSendsForInstructor(instructorId, 50);

export const ltiScores = () =>
  createScoreSender({
    lti: repositories().lti,
    now,
    randomToken,
    toolKey: ltiToolKey,
    fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(10_000) }),
    log: (message, detail) => logger.warn(detail, message),
  });

/** How often the retry sweep looks for due score sends. */
const SWEEP_EVERY_MS = 60_000;

/** Starts the LTI score retry sweep once per process (instrumentation.ts); the timer never keeps the process alive. */
export function startLtiScoreSweep(): void {
  const g = globalThis as unknown as { kubelearnLtiSweep?: NodeJS.Timeout };
  if (g.kubelearnLtiSweep) return;
  let running = false;
  g.kubelearnLtiSweep = setInterval(() => {
    if (running) return;
    running = true;
    ltiScores()
      .sweep()
      .catch((err) => logger.warn({ err }, "LTI score sweep failed"))
      .finally(() => {
        running = false;
      });
  }, SWEEP_EVERY_MS);
  g.kubelearnLtiSweep.unref();
}
