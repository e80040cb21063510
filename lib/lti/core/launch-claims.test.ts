import { describe, expect, it } from "vitest";
import { CLAIM } from "./claims";
import { LAUNCH_ERRORS, readLaunch } from "./launch-claims";

const expectations = { clientId: "tool-1", deploymentIds: ["dep-1"], nonce: "n-1" };

// The claims of IMS LTI 1.3 Core (lti/v1p3#required-message-claims) with the AGS endpoint claim (lti-ags/v2p0#assignment-and-grade-service-claim).
const resourceLaunch = (over: Record<string, unknown> = {}) => ({
  iss: "https://lms.example",
  aud: "tool-1",
  sub: "user-7",
  nonce: "n-1",
  name: "Ada Lovelace",
  [CLAIM.messageType]: "LtiResourceLinkRequest",
  [CLAIM.version]: "1.3.0",
  [CLAIM.deploymentId]: "dep-1",
  [CLAIM.targetLinkUri]: "https://tool.example/lti/launch",
  [CLAIM.resourceLink]: { id: "rl-1" },
  [CLAIM.roles]: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
  [CLAIM.custom]: { kubelearn_kind: "lesson", kubelearn_id: "cluster-ip-vs-pod-ip" },
  [CLAIM.agsEndpoint]: {
    lineitem: "https://lms.example/lineitems/9",
    scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
  },
  ...over,
});

describe("reading an LTI launch (security/v1p0#authentication-response-validation and lti/v1p3#required-message-claims)", () => {
  it("reads a resource link launch: sub, link id, target from custom, AGS line item", () => {
    expect(readLaunch(resourceLaunch(), expectations)).toEqual({
      ok: true,
      value: {
        kind: "resource-link",
        sub: "user-7",
        name: "Ada Lovelace",
        deploymentId: "dep-1",
        instructor: false,
        resourceLinkId: "rl-1",
        target: { kind: "lesson", id: "cluster-ip-vs-pod-ip" },
        lineItemUrl: "https://lms.example/lineitems/9",
        canScore: true,
      },
    });
  });

  it("can score only when the AGS claim grants the score scope and names the link's line item", () => {
    const scored = (ags: unknown) => {
      const launch = readLaunch(resourceLaunch({ [CLAIM.agsEndpoint]: ags }), expectations);
      return launch.ok && launch.value.kind === "resource-link"
        ? [launch.value.canScore, launch.value.lineItemUrl]
        : null;
    };
    const readonly = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    expect(scored({ lineitem: "https://lms.example/lineitems/9", scope: [readonly] })).toEqual([
      false,
      "https://lms.example/lineitems/9",
    ]);
    expect(scored(undefined)).toEqual([false, null]);
    // Only the course's line items (no lineitem of this link): the tool creates none, so it has nowhere to post.
    expect(
      scored({
        lineitems: "https://lms.example/lineitems",
        scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
      }),
    ).toEqual([true, null]);
  });

  it("counts the lis v2 membership#Instructor role as an instructor (lti/v1p3#lis-vocabulary-for-context-roles)", () => {
    const launch = readLaunch(
      resourceLaunch({ [CLAIM.roles]: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"] }),
      expectations,
    );
    expect(launch.ok && launch.value.instructor).toBe(true);
  });

  it("refuses another nonce, an unknown deployment, another version or message type", () => {
    expect(readLaunch(resourceLaunch({ nonce: "other" }), expectations)).toMatchObject({ error: LAUNCH_ERRORS.nonce });
    expect(readLaunch(resourceLaunch({ [CLAIM.deploymentId]: "dep-2" }), expectations)).toMatchObject({
      error: LAUNCH_ERRORS.deployment,
    });
    expect(readLaunch(resourceLaunch({ [CLAIM.version]: "1.1" }), expectations)).toMatchObject({
      error: LAUNCH_ERRORS.version,
    });
    expect(
      readLaunch(resourceLaunch({ [CLAIM.messageType]: "LtiSubmissionReviewRequest" }), expectations),
    ).toMatchObject({
      error: LAUNCH_ERRORS.messageType,
    });
  });

  it("requires azp to be the client id when aud holds several audiences (OIDC Core 3.1.3.7)", () => {
    expect(readLaunch(resourceLaunch({ aud: ["tool-1", "other"] }), expectations)).toMatchObject({
      error: LAUNCH_ERRORS.azp,
    });
    expect(readLaunch(resourceLaunch({ aud: ["tool-1", "other"], azp: "tool-1" }), expectations)).toMatchObject({
      ok: true,
    });
  });

  it("refuses a resource link launch without its resource link claim, and claims that are missing", () => {
    expect(readLaunch(resourceLaunch({ [CLAIM.resourceLink]: undefined }), expectations)).toMatchObject({
      error: LAUNCH_ERRORS.resourceLink,
    });
    expect(readLaunch(resourceLaunch({ [CLAIM.roles]: undefined }), expectations)).toMatchObject({
      error: LAUNCH_ERRORS.claims,
    });
  });

  it("reads a deep linking request's return URL and data (lti-dl/v2p0#deep-linking-settings)", () => {
    const payload = resourceLaunch({
      [CLAIM.messageType]: "LtiDeepLinkingRequest",
      [CLAIM.resourceLink]: undefined,
      [CLAIM.deepLinkingSettings]: {
        deep_link_return_url: "https://lms.example/deep-link-return",
        accept_types: ["ltiResourceLink"],
        data: "opaque-7",
      },
    });
    expect(readLaunch(payload, expectations)).toMatchObject({
      ok: true,
      value: {
        kind: "deep-linking",
        returnUrl: "https://lms.example/deep-link-return",
        data: "opaque-7",
        acceptsResourceLink: true,
      },
    });
  });
});
