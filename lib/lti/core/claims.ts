// Claim names of IMS LTI 1.3 Core (imsglobal.org/spec/lti/v1p3#required-message-claims), Deep
// Linking 2.0 (imsglobal.org/spec/lti-dl/v2p0#deep-linking-request-message and #deep-linking-response-message) and Assignment and Grade Services 2.0
// (imsglobal.org/spec/lti-ags/v2p0#assignment-and-grade-service-claim).

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  custom: `${LTI}custom`,
  context: `${LTI}context`,
  deepLinkingSettings: `${DL}deep_linking_settings`,
  contentItems: `${DL}content_items`,
  deepLinkingData: `${DL}data`,
  deepLinkingMessage: `${DL}msg`,
  agsEndpoint: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
} as const;

/** lti/v1p3#message-type-claim and the version claim beside it; lti-dl/v2p0 for the deep linking message types. */
export const LTI_VERSION = "1.3.0";
export const RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
export const DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
export const DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";

/** lti/v1p3#lis-vocabulary-for-context-roles (and the institution and system roles): instructors, and the roles a platform counts as teaching. */
export const TEACHING_ROLES = [
  "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
  "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
  "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
];

/** lti-ags/v2p0 scopes and the score media type (#score-publish-service). */
export const AGS_SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
export const AGS_SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
export const SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";

/** RFC 7523 section 2.2 (a JWT as client authentication), as security/v1p0#using-json-web-tokens-with-oauth-2-0-client-credentials-grant requires. */
export const JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
