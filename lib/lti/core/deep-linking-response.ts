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
 * The claims of an LtiDeepLinkingResponse (DL 2.2 and 4.5: iss is the tool's client id, aud the
 * platform's issuer, deployment_id and `data` copied from the request). One `ltiResourceLink` item
 * (DL 3.1) carrying its target in `custom`, and a `lineItem` (DL 3.1 "lineItem") so the platform
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
