/** The tool's URLs an LMS administrator pastes into the platform (and the launch checks against). */
export interface ToolUrls {
  login: string;
  launch: string;
  jwks: string;
  deepLink: string;
}

export function toolUrls(appUrl: string): ToolUrls {
  const base = appUrl.replace(/\/$/, "");
  // The deep linking request comes back to the launch URL like any other message (lti-dl/v2p0#deep-linking-request-message).
  return {
    login: `${base}/lti/login`,
    launch: `${base}/lti/launch`,
    jwks: `${base}/lti/jwks`,
    deepLink: `${base}/lti/launch`,
  };
}
