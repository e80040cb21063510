import { SignJWT } from "jose";
import type { LtiRepository } from "../../db/lti-repository";
import { fail, ok, type Result } from "../../result";
import { deepLinkingResponseClaims } from "../core/deep-linking-response";
import { SCORE_MAXIMUM } from "../core/score";
import type { LtiTarget } from "../core/target";
import type { DeepLinkContext } from "./launch-service";
import { TOOL_KEY_ALG, type ToolKey } from "./tool-key";
import type { ToolUrls } from "./tool-urls";

/** One thing an instructor can place in a course. */
export interface DeepLinkItem {
  target: LtiTarget;
  title: string;
}

export interface DeepLinkServiceDeps {
  lti: LtiRepository;
  now: () => Date;
  randomToken: () => string;
  toolKey: () => Promise<ToolKey>;
  urls: ToolUrls;
  /** Lesson quizzes, module quizzes and drills, from the content. */
  catalog: () => DeepLinkItem[];
}

export const DEEP_LINK_REFUSALS = {
  context: "This page needs the deep linking launch from your course. Start it again from the course.",
  unknownItem: "Choose one of the quizzes or drills listed.",
} as const;

export const sameTarget = (a: LtiTarget, b: LtiTarget) => a.kind === b.kind && a.id === b.id;

export function createDeepLinkService(deps: DeepLinkServiceDeps) {
  return {
    catalog: deps.catalog,

    /**
     * The signed LtiDeepLinkingResponse for the chosen item and where to post it (lti-dl/v2p0#deep-linking-response-message: a form
     * post of `JWT` to deep_link_return_url). Signed by the tool's key with its kid, issued by the
     * client id to the platform's issuer, with a fresh nonce (same section).
     */
    async respond(ctx: DeepLinkContext, target: LtiTarget): Promise<Result<{ returnUrl: string; jwt: string }>> {
      const platform = await deps.lti.findPlatformById(ctx.platformId);
      if (!platform) return fail(DEEP_LINK_REFUSALS.context);
      const item = deps.catalog().find((i) => sameTarget(i.target, target));
      if (!item) return fail(DEEP_LINK_REFUSALS.unknownItem);
      const claims = deepLinkingResponseClaims({
        deploymentId: ctx.deploymentId,
        data: ctx.data,
        choice: {
          target: item.target,
          title: item.title,
          launchUrl: deps.urls.launch,
          // Every target has a grade column: a quiz sends its score, a drill the share of its steps right.
          scoreMaximum: SCORE_MAXIMUM,
        },
      });
      const key = await deps.toolKey();
      const now = Math.floor(deps.now().getTime() / 1000);
      const jwt = await new SignJWT({ ...claims, nonce: deps.randomToken() })
        .setProtectedHeader({ alg: TOOL_KEY_ALG, kid: key.kid, typ: "JWT" })
        .setIssuer(platform.clientId)
        .setAudience(platform.issuer)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(key.privateKey);
      return ok({ returnUrl: ctx.returnUrl, jwt });
    },
  };
}

export type DeepLinkService = ReturnType<typeof createDeepLinkService>;
