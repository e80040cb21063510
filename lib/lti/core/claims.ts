// Claim names of IMS LTI 1.3 Core (imsglobal.org/spec/lti/v1p3, section 5 "Core LTI messages"), Deep
// Linking 2.0 (imsglobal.org/spec/lti-dl/v2p0, sections 2 and 4) and Assignment and Grade Services 2.0
// (imsglobal.org/spec/lti-ags/v2p0, section 3.1 "Assignment and Grade Service claim").

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

/** Core 5.1.2.1 (version) and 5.3.1 / DL 2.1 (the two message types this tool takes). */
export const LTI_VERSION = "1.3.0";
export const RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
export const DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
export const DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";

/** Core appendix A.2.3 (context membership roles): instructors, and the roles a platform counts as teaching. */
export const TEACHING_ROLES = [
  "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
  "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper",
  "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
  "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator",
];

/** AGS 3.2 (scopes) and 3.4.2 (score media type). */
export const AGS_SCOPE_SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
export const AGS_SCOPE_LINEITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
export const SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";

/** RFC 7523 section 2.2 (a JWT as client authentication), as the IMS Security Framework 1.0 section 4.1 requires. */
export const JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
