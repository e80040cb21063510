import { z } from "zod";
import type { LtiPlatformRecord, LtiRepository } from "../../db/lti-repository";
import { fail, ok, type Result } from "../../result";

const url = (what: string) =>
  z
    .string()
    .trim()
    .max(500, `Keep the ${what} under 500 characters.`)
    .url(`Enter the ${what} as a full URL.`)
    .refine((u) => /^https?:\/\//.test(u), `The ${what} must start with https:// (or http:// on a test machine).`);

/** What an instructor types to register a platform; the values come from the LMS's tool configuration page. */
export const platformSchema = z.object({
  name: z.string().trim().min(1, "Name the platform.").max(80, "Keep the name under 80 characters."),
  issuer: url("issuer (platform ID)"),
  clientId: z
    .string()
    .trim()
    .min(1, "Enter the client ID the platform gave this tool.")
    .max(255, "That client ID is too long."),
  authLoginUrl: url("authentication request URL"),
  authTokenUrl: url("access token URL"),
  jwksUrl: url("public keyset URL"),
  // One per line or separated by commas (Moodle shows one deployment ID per course or site).
  deploymentIds: z
    .string()
    .transform((s) => [...new Set(s.split(/[\s,]+/).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(255, "A deployment ID is at most 255 characters."))
        .min(1, "Enter at least one deployment ID.")
        .max(50, "Register at most 50 deployment IDs."),
    ),
});

export type PlatformInput = z.infer<typeof platformSchema>;

export const REGISTRATION_MESSAGES = {
  duplicate: "This issuer and client ID are registered already.",
  missing: "That registration does not exist (or is not yours).",
} as const;

export function createRegistrationService(deps: { lti: LtiRepository; now: () => Date }) {
  return {
    async register(instructorId: string, input: PlatformInput): Promise<Result<LtiPlatformRecord>> {
      const created = await deps.lti.createPlatform(instructorId, input, deps.now());
      return created ? ok(created) : fail(REGISTRATION_MESSAGES.duplicate, "clientId");
    },
    list: (instructorId: string) => deps.lti.listPlatforms(instructorId),
    /** Each registration with what deleting it would take (shown on its confirm dialog). */
    async listWithImpact(instructorId: string) {
      const platforms = await deps.lti.listPlatforms(instructorId);
      return Promise.all(
        platforms.map(async (p) => ({
          ...p,
          impact: (await deps.lti.platformImpact(instructorId, p.id)) ?? {
            accounts: 0,
            unsentScores: 0,
            sentScores: 0,
          },
        })),
      );
    },
    async remove(instructorId: string, id: string): Promise<Result<null>> {
      return (await deps.lti.deletePlatform(instructorId, id)) ? ok(null) : fail(REGISTRATION_MESSAGES.missing);
    },
  };
}

/** Deleting a registration: its id and the confirm step's confirm=yes (components/ui/confirm-action). */
export const removePlatformSchema = z.object({
  platformId: z.string().min(1).max(40),
  confirm: z.literal("yes", { error: "Confirm the deletion." }),
});

/** "Retry now" on a row of the grade passback outbox. */
export const retryScoreSchema = z.object({ scoreSendId: z.string().min(1).max(40) });
