import { z } from "zod";
import { fail, ok, type Result } from "../../result";
import {
  AGS_SCOPE_SCORE,
  CLAIM,
  DEEP_LINKING_REQUEST,
  LTI_VERSION,
  RESOURCE_LINK_REQUEST,
  TEACHING_ROLES,
} from "./claims";
import { type LtiTarget, targetFromCustom } from "./target";

/** What the registration says a launch must match (the signature, iss, aud and exp are checked by jose). */
export interface LaunchExpectations {
  clientId: string;
  deploymentIds: readonly string[];
  /** The nonce stored with the login's state. */
  nonce: string;
}

interface LaunchBase {
  sub: string;
  name: string;
  deploymentId: string;
  instructor: boolean;
}

export interface ResourceLinkLaunch extends LaunchBase {
  kind: "resource-link";
  resourceLinkId: string;
  /** The target named by the link's custom parameters, null when the link carries none. */
  target: LtiTarget | null;
  /** AGS line item for this link (`lineitem` in lti-ags/v2p0#assignment-and-grade-service-claim), when the platform gave one. */
  lineItemUrl: string | null;
  /** Whether the AGS claim grants the score scope. */
  canScore: boolean;
}

export interface DeepLinkingLaunch extends LaunchBase {
  kind: "deep-linking";
  returnUrl: string;
  /** lti-dl/v2p0#deep-linking-settings: `data` must come back unchanged in the response. */
  data: string | null;
  acceptsResourceLink: boolean;
}

export type LaunchMessage = ResourceLinkLaunch | DeepLinkingLaunch;

const text = z.string().min(1).max(2000);

// lti/v1p3#required-message-claims (every launch) and #resource-link-launch-request-message.
const common = z.object({
  sub: z.string().min(1).max(255),
  nonce: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  azp: z.string().optional(),
  name: z.string().max(200).optional(),
  given_name: z.string().max(100).optional(),
  family_name: z.string().max(100).optional(),
  [CLAIM.messageType]: z.string(),
  [CLAIM.version]: z.string(),
  [CLAIM.deploymentId]: z.string().min(1).max(255),
  [CLAIM.roles]: z.array(z.string()),
  [CLAIM.custom]: z.record(z.string(), z.unknown()).optional(),
});

const resourceLink = z.object({
  [CLAIM.resourceLink]: z.object({ id: z.string().min(1).max(255) }),
  [CLAIM.targetLinkUri]: text,
  [CLAIM.agsEndpoint]: z
    .object({ lineitem: z.string().url().optional(), scope: z.array(z.string()).optional() })
    .optional(),
});

// lti-dl/v2p0#deep-linking-settings: deep_link_return_url and accept_types are required.
const deepLinking = z.object({
  [CLAIM.deepLinkingSettings]: z.object({
    deep_link_return_url: z.string().url(),
    accept_types: z.array(z.string()),
    data: z.string().optional(),
  }),
});

export const LAUNCH_ERRORS = {
  claims: "The launch is missing LTI claims this tool needs.",
  version: `This tool speaks LTI ${LTI_VERSION} only.`,
  messageType: "This tool takes resource link and deep linking launches only.",
  nonce: "This launch was already used or was not started here.",
  azp: "The launch was issued for another client.",
  deployment: "This deployment is not registered with kubelearn.",
  resourceLink: "The resource link launch is missing its resource link.",
  deepLinking: "The deep linking launch is missing its settings.",
} as const;

/**
 * Checks a verified id_token's LTI claims against the registration (security/v1p0#authentication-response-validation:
 * azp when present or when aud holds several values, nonce once, deployment id known, version,
 * message type) and reads what the launch is about.
 */
export function readLaunch(payload: Record<string, unknown>, expect: LaunchExpectations): Result<LaunchMessage> {
  const base = common.safeParse(payload);
  if (!base.success) return fail(LAUNCH_ERRORS.claims);
  const p = base.data;
  if (p[CLAIM.version] !== LTI_VERSION) return fail(LAUNCH_ERRORS.version);
  if (p.nonce !== expect.nonce) return fail(LAUNCH_ERRORS.nonce);
  const audiences = Array.isArray(p.aud) ? p.aud : [p.aud];
  if ((audiences.length > 1 || p.azp !== undefined) && p.azp !== expect.clientId) return fail(LAUNCH_ERRORS.azp);
  const deploymentId = p[CLAIM.deploymentId];
  if (!expect.deploymentIds.includes(deploymentId)) return fail(LAUNCH_ERRORS.deployment);
  const roles = p[CLAIM.roles];
  const name = p.name ?? ([p.given_name, p.family_name].filter(Boolean).join(" ") || "LTI learner");
  const shared = { sub: p.sub, name, deploymentId, instructor: roles.some((r) => TEACHING_ROLES.includes(r)) };
  const type = p[CLAIM.messageType];
  if (type === RESOURCE_LINK_REQUEST) {
    const link = resourceLink.safeParse(payload);
    if (!link.success) return fail(LAUNCH_ERRORS.resourceLink);
    const ags = link.data[CLAIM.agsEndpoint];
    return ok({
      kind: "resource-link",
      ...shared,
      resourceLinkId: link.data[CLAIM.resourceLink].id,
      target: targetFromCustom(p[CLAIM.custom]),
      lineItemUrl: ags?.lineitem ?? null,
      canScore: ags?.scope?.includes(AGS_SCOPE_SCORE) ?? false,
    });
  }
  if (type === DEEP_LINKING_REQUEST) {
    const dl = deepLinking.safeParse(payload);
    if (!dl.success) return fail(LAUNCH_ERRORS.deepLinking);
    const settings = dl.data[CLAIM.deepLinkingSettings];
    return ok({
      kind: "deep-linking",
      ...shared,
      returnUrl: settings.deep_link_return_url,
      data: settings.data ?? null,
      acceptsResourceLink: settings.accept_types.includes("ltiResourceLink"),
    });
  }
  return fail(LAUNCH_ERRORS.messageType);
}
