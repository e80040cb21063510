import { describe, expect, it } from "vitest";
import { CLAIM } from "./claims";
import { deepLinkingResponseClaims } from "./deep-linking-response";

describe("the deep linking response (lti-dl/v2p0#deep-linking-response-message and #lti-resource-link)", () => {
  const choice = {
    target: { kind: "lesson" as const, id: "cluster-ip-vs-pod-ip" },
    title: "Quiz: ClusterIP vs Pod IP",
    launchUrl: "https://tool.example/lti/launch",
    scoreMaximum: 100,
  };

  it("carries one ltiResourceLink with url, title, custom target and a lineItem, and echoes data", () => {
    expect(deepLinkingResponseClaims({ deploymentId: "dep-1", data: "opaque-7", choice })).toEqual({
      [CLAIM.messageType]: "LtiDeepLinkingResponse",
      [CLAIM.version]: "1.3.0",
      [CLAIM.deploymentId]: "dep-1",
      [CLAIM.deepLinkingData]: "opaque-7",
      [CLAIM.contentItems]: [
        {
          type: "ltiResourceLink",
          title: "Quiz: ClusterIP vs Pod IP",
          url: "https://tool.example/lti/launch",
          custom: { kubelearn_kind: "lesson", kubelearn_id: "cluster-ip-vs-pod-ip" },
          lineItem: {
            scoreMaximum: 100,
            label: "Quiz: ClusterIP vs Pod IP",
            resourceId: "lesson:cluster-ip-vs-pod-ip",
          },
        },
      ],
    });
  });

  it("leaves out data when the request had none, and the lineItem for an item without a grade", () => {
    const claims = deepLinkingResponseClaims({
      deploymentId: "dep-1",
      data: null,
      choice: { ...choice, target: { kind: "drill", id: "first-drill" }, scoreMaximum: null },
    });
    expect(claims).not.toHaveProperty(CLAIM.deepLinkingData);
    expect((claims[CLAIM.contentItems] as Record<string, unknown>[])[0]).not.toHaveProperty("lineItem");
  });
});
