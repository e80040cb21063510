import type { LtiTarget } from "../../lti/core/target";
import type { Names } from "./data-tables";

// The signed-in person's account settings as one JSON document, beside the CSV tables of their
// history: who they are to kubelearn, how pages are shown to them, how their flashcards are
// scheduled (their own FSRS weights when the optimiser fitted some), and how their account is tied to
// a course's platform (LTI). Pure: the service reads the rows; this only lays them out.

/** Bumped when a key changes meaning or goes away; new keys do not bump it. */
export const ACCOUNT_SETTINGS_VERSION = 1;

export interface AccountSettingsInput {
  user: { name: string; email: string; role: string; timeZone: string; colorScheme: string; hasPassword: boolean };
  flashcards: {
    desiredRetention: number;
    dailyNewLimit: number;
    parameters: readonly number[] | null;
    parametersOptimisedAt: Date | null;
  };
  lti: {
    account: { platformName: string; issuer: string; sub: string; linkedAt: Date } | null;
    launches: { platformName: string; issuer: string; target: LtiTarget; lastLaunchedAt: Date }[];
  };
  /** The LTI platforms an instructor registered (empty for a learner). */
  platforms: {
    name: string;
    issuer: string;
    clientId: string;
    deploymentIds: readonly string[];
    authLoginUrl: string;
    authTokenUrl: string;
    jwksUrl: string;
    createdAt: Date;
  }[];
  exportedAt: Date;
}

function targetTitle(target: LtiTarget, names: Names): string | null {
  switch (target.kind) {
    case "lesson":
      return names.lessonTitle(target.id) ?? null;
    case "module":
      return names.moduleTitle(target.id) ?? null;
    case "drill":
      return names.drill(target.id)?.title ?? null;
    default:
      return target.kind satisfies never;
  }
}

/** The document, as plain JSON values (times as ISO 8601 in UTC). */
export function accountSettingsDocument(input: AccountSettingsInput, names: Names) {
  const { user, flashcards, lti } = input;
  return {
    format: "kubelearn-account-settings",
    version: ACCOUNT_SETTINGS_VERSION,
    exportedAt: input.exportedAt.toISOString(),
    profile: {
      name: user.name,
      email: user.email,
      role: user.role === "INSTRUCTOR" ? "instructor" : "learner",
      signsInWith: user.hasPassword ? "password" : "lti",
    },
    display: { timeZone: user.timeZone, colorScheme: user.colorScheme },
    flashcards: {
      desiredRetention: flashcards.desiredRetention,
      dailyNewLimit: flashcards.dailyNewLimit,
      // FSRS-6's 21 weights when the optimiser fitted them to this person's reviews; null: the defaults.
      fsrsParameters: flashcards.parameters
        ? {
            weights: [...flashcards.parameters],
            optimisedAt: flashcards.parametersOptimisedAt?.toISOString() ?? null,
          }
        : null,
    },
    lti: {
      account: lti.account && {
        platform: lti.account.platformName,
        issuer: lti.account.issuer,
        userId: lti.account.sub,
        linkedAt: lti.account.linkedAt.toISOString(),
      },
      launches: lti.launches.map((l) => ({
        platform: l.platformName,
        issuer: l.issuer,
        opens: l.target.kind,
        id: l.target.id,
        title: targetTitle(l.target, names),
        lastLaunchedAt: l.lastLaunchedAt.toISOString(),
      })),
      platformsYouRegistered: input.platforms.map((p) => ({
        name: p.name,
        issuer: p.issuer,
        clientId: p.clientId,
        deploymentIds: [...p.deploymentIds],
        authLoginUrl: p.authLoginUrl,
        authTokenUrl: p.authTokenUrl,
        jwksUrl: p.jwksUrl,
        registeredAt: p.createdAt.toISOString(),
      })),
    },
  };
}

export type AccountSettingsDocument = ReturnType<typeof accountSettingsDocument>;

/** The downloaded file's name, its path under /account/my-data/ and its link. */
export const ACCOUNT_SETTINGS_FILE = "kubelearn-account-settings.json";
export const ACCOUNT_SETTINGS_PATH = "account-settings.json";
export const ACCOUNT_SETTINGS_HREF = `/account/my-data/${ACCOUNT_SETTINGS_PATH}`;
