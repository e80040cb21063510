import { createHash } from "node:crypto";
import { type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import { UNUSABLE_PASSWORD_HASH } from "../../auth/password";
import type { LtiRepository } from "../../db/lti-repository";
import type { UserRecord, UserRepository } from "../../db/user-repository";
import { fail, ok, type Result } from "../../result";
import { frameAncestorOrigins } from "../core/frame-ancestors";
import { type LaunchMessage, readLaunch } from "../core/launch-claims";
import { type LtiTarget, targetPath } from "../core/target";
import { TOOL_KEY_ALG, type ToolKey } from "./tool-key";
import type { ToolUrls } from "./tool-urls";

export interface LaunchServiceDeps {
  lti: LtiRepository;
  users: UserRepository;
  now: () => Date;
  /** 256 random bits, base64url. */
  randomToken: () => string;
  toolKey: () => Promise<ToolKey>;
  /** The platform's keys, from its JWKS URL (jose's createRemoteJWKSet, cached per URL). */
  platformKeys: (jwksUrl: string) => JWTVerifyGetKey;
  urls: ToolUrls;
}

/** The OIDC login request's parameters (IMS Security Framework, security/v1p0#step-1-third-party-initiated-login, and LTI Core, lti/v1p3#additional-login-parameters). */
export interface LoginRequest {
  iss: string;
  login_hint: string;
  target_link_uri: string;
  lti_message_hint?: string;
  client_id?: string;
  lti_deployment_id?: string;
}

/** What a verified deep linking request leaves for the picker page, signed by the tool. */
export interface DeepLinkContext {
  userId: string;
  platformId: string;
  deploymentId: string;
  returnUrl: string;
  data: string | null;
}

/** What a verified launch hands to the launch route. */
export interface LaunchOutcome {
  /** Signs the browser in now, through the "lti" provider. */
  ticket: string;
  redirectTo: string;
  /** A second one-time ticket for the "open in a new window" fallback, when the frame kept no cookie. */
  fallbackTicket: string;
  /** Who may frame the pages this launch lands on: the launching platform's origins. */
  frameOrigins: string[];
}

export const LOGIN_STATE_MINUTES = 10;
const TICKET_SECONDS = 120;
const DEEP_LINK_CONTEXT = "kubelearn:lti-deep-link";
/** Reserved top-level domain (RFC 2606 section 2): placeholder e-mails of LTI accounts reach no one. */
export const LTI_EMAIL_DOMAIN = "lti.invalid";

export const LAUNCH_REFUSALS = {
  unknownPlatform:
    "This platform is not registered with kubelearn. Ask an instructor to register it under Teach › LTI.",
  foreignTarget: "The login asks to open a page that is not kubelearn's launch URL.",
  state:
    "This launch was already used, has expired, or was not started here. Open the activity again from your course.",
  signature: "The launch could not be verified: its signature, issuer, audience or dates do not check out.",
  noTarget: "This link does not say which quiz or drill it opens. Ask your instructor to choose it again.",
  notInstructor: "Only instructors can choose content for a course.",
  noResourceLinks: "This platform does not accept links to activities here.",
} as const;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const minutesFromNow = (deps: LaunchServiceDeps, minutes: number) => new Date(deps.now().getTime() + minutes * 60_000);

async function ticketFor(deps: LaunchServiceDeps, userId: string, redirectTo: string) {
  const ticket = deps.randomToken();
  await deps.lti.createTicket({
    tokenHash: sha256(ticket),
    userId,
    redirectTo,
    expiresAt: minutesFromNow(deps, TICKET_SECONDS / 60),
  });
  return { ticket, redirectTo };
}

async function signDeepLinkContext(deps: LaunchServiceDeps, ctx: DeepLinkContext): Promise<string> {
  const key = await deps.toolKey();
  const now = Math.floor(deps.now().getTime() / 1000);
  return new SignJWT({ ...ctx })
    .setProtectedHeader({ alg: TOOL_KEY_ALG, kid: key.kid })
    .setAudience(DEEP_LINK_CONTEXT)
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(key.privateKey);
}

/** The page a verified launch opens: the picker for deep linking, the link's quiz or drill otherwise. */
async function pageFor(
  deps: LaunchServiceDeps,
  platformId: string,
  userId: string,
  launch: LaunchMessage,
): Promise<Result<string>> {
  if (launch.kind === "deep-linking") {
    if (!launch.instructor) return fail(LAUNCH_REFUSALS.notInstructor);
    if (!launch.acceptsResourceLink) return fail(LAUNCH_REFUSALS.noResourceLinks);
    const context = await signDeepLinkContext(deps, {
      userId,
      platformId,
      deploymentId: launch.deploymentId,
      returnUrl: launch.returnUrl,
      data: launch.data,
    });
    return ok(`/lti/deep-link?context=${encodeURIComponent(context)}`);
  }
  const known = await deps.lti.findResourceLink(platformId, launch.resourceLinkId);
  const target: LtiTarget | null = launch.target ?? known?.target ?? null;
  if (!target) return fail(LAUNCH_REFUSALS.noTarget);
  const link = await deps.lti.upsertResourceLink(
    platformId,
    launch.resourceLinkId,
    target,
    launch.canScore ? launch.lineItemUrl : null,
  );
  await deps.lti.recordLaunch(userId, link.id, deps.now());
  return ok(targetPath(link.target));
}

export function createLaunchService(deps: LaunchServiceDeps) {
  return {
    /**
     * Step 1 of the launch: the platform's login initiation. Stores a fresh state and nonce and
     * answers the platform's authorization URL with the OIDC authentication request (security/v1p0#step-2-authentication-request:
     * scope openid, response_type id_token, response_mode form_post, prompt none).
     */
    async login(req: LoginRequest): Promise<Result<string>> {
      const platform = await deps.lti.findPlatform(req.iss, req.client_id);
      if (!platform) return fail(LAUNCH_REFUSALS.unknownPlatform);
      if (new URL(req.target_link_uri, deps.urls.launch).origin !== new URL(deps.urls.launch).origin)
        return fail(LAUNCH_REFUSALS.foreignTarget);
      await deps.lti.deleteExpired(deps.now());
      const state = deps.randomToken();
      const nonce = deps.randomToken();
      await deps.lti.saveLaunchState({
        state,
        nonce,
        platformId: platform.id,
        expiresAt: minutesFromNow(deps, LOGIN_STATE_MINUTES),
      });
      const url = new URL(platform.authLoginUrl);
      const params = {
        scope: "openid",
        response_type: "id_token",
        response_mode: "form_post",
        prompt: "none",
        client_id: platform.clientId,
        redirect_uri: deps.urls.launch,
        login_hint: req.login_hint,
        state,
        nonce,
        ...(req.lti_message_hint ? { lti_message_hint: req.lti_message_hint } : {}),
      };
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      return ok(url.toString());
    },

    /**
     * Step 2: the id_token the platform posted. The state is used once; the token must be signed
     * by a key of the platform's JWKS, issued by it for this client and unexpired; then the LTI
     * claims are checked (lib/lti/core/launch-claims). Answers a one-time sign-in ticket and the
     * page the launch opens.
     */
    async launch(input: { idToken: string; state: string }): Promise<Result<LaunchOutcome>> {
      const claimed = await deps.lti.claimLaunchState(input.state, deps.now());
      if (!claimed) return fail(LAUNCH_REFUSALS.state);
      const platform = await deps.lti.findPlatformById(claimed.platformId);
      if (!platform) return fail(LAUNCH_REFUSALS.unknownPlatform);
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(input.idToken, deps.platformKeys(platform.jwksUrl), {
          issuer: platform.issuer,
          audience: platform.clientId,
          algorithms: ["RS256"],
          // security/v1p0#id-token: exp and iat are required, and the tool must find now before exp;
          // jose checks exp only when the token has one, so a token without it would never expire.
          requiredClaims: ["exp", "iat"],
          currentDate: deps.now(),
        }));
      } catch {
        return fail(LAUNCH_REFUSALS.signature);
      }
      const read = readLaunch(payload, {
        clientId: platform.clientId,
        deploymentIds: platform.deploymentIds,
        nonce: claimed.nonce,
      });
      if (!read.ok) return read;
      const launch = read.value;
      const userId = await deps.lti.accountFor(platform.id, launch.sub, {
        email: `${sha256(`${platform.id}:${launch.sub}`).slice(0, 32)}@${LTI_EMAIL_DOMAIN}`,
        name: launch.name.slice(0, 80),
        passwordHash: UNUSABLE_PASSWORD_HASH,
        role: launch.instructor ? "INSTRUCTOR" : "LEARNER",
      });
      const opened = await pageFor(deps, platform.id, userId, launch);
      if (!opened.ok) return opened;
      const signIn = await ticketFor(deps, userId, opened.value);
      const fallback = await ticketFor(deps, userId, opened.value);
      return ok({ ...signIn, fallbackTicket: fallback.ticket, frameOrigins: frameAncestorOrigins([platform]) });
    },

    /** Spends a ticket that is no longer needed (the fallback of a launch whose cookie arrived). */
    async discardTicket(ticket: string): Promise<void> {
      await deps.lti.claimTicket(sha256(ticket), deps.now());
    },

    /** The "lti" sign-in provider's check: the ticket's user, once, within two minutes. */
    async redeemTicket(ticket: string): Promise<UserRecord | null> {
      const claimed = await deps.lti.claimTicket(sha256(ticket), deps.now());
      return claimed ? deps.users.findById(claimed.userId) : null;
    },

    /** The picker page's context, when it was signed by this tool for this user and has not expired. */
    async readDeepLinkContext(userId: string, token: string): Promise<DeepLinkContext | null> {
      const key = await deps.toolKey();
      try {
        const { payload } = await jwtVerify(token, key.publicKey, {
          audience: DEEP_LINK_CONTEXT,
          algorithms: [TOOL_KEY_ALG],
          currentDate: deps.now(),
        });
        const ctx = payload as unknown as DeepLinkContext;
        return ctx.userId === userId ? ctx : null;
      } catch {
        return null;
      }
    },
  };
}

export type LaunchService = ReturnType<typeof createLaunchService>;
