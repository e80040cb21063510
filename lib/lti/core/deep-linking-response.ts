import { CLAIM, DEEP_LINKING_RESPONSE, LTI_VERSION } from "./claims";
import { customForTarget, type LtiTarget } from "./target";

export interface DeepLinkChoice {
  target: LtiTarget;
  title: string;
  /** The tool's launch URL (the content item's `url`). */
  launchUrl: string;
  /** Points a quiz is worth in the platform's grade book; null for items without a grade (drills). */
  scoreMaximum: number | null;
}

/**
 * The claims of an LtiDeepLinkingResponse (lti-dl/v2p0#deep-linking-response-message: iss is the tool's client id, aud the
 * platform's issuer, deployment_id and `data` copied from the request). One `ltiResourceLink` item
 * (lti-dl/v2p0#lti-resource-link) carrying its target in `custom`, and a `lineItem` (its "lineItem" property) so the platform
 * creates a grade column the tool can send scores to.
 */
export function deepLinkingResponseClaims(input: {
  deploymentId: string;
  data: string | null;
  choice: DeepLinkChoice;
}): Record<string, unknown> {
  const { choice } = input;
  const item: Record<string, unknown> = {
    type: "ltiResourceLink",
    title: choice.title,
    url: choice.launchUrl,
    custom: customForTarget(choice.target),
  };
  if (choice.scoreMaximum !== null)
    item.lineItem = {
      scoreMaximum: choice.scoreMaximum,
      label: choice.title,
      resourceId: `${choice.target.kind}:${choice.target.id}`,
    };
  return {
    [CLAIM.messageType]: DEEP_LINKING_RESPONSE,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deploymentId]: input.deploymentId,
    [CLAIM.contentItems]: [item],
    ...(input.data === null ? {} : { [CLAIM.deepLinkingData]: input.data }),
  };
}
