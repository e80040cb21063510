// Which origins may put kubelearn in a frame after an LTI launch, and on which pages.
//
// LTI Core (lti/v1p3#launch-presentation-claim) lets a platform launch a tool into a `frame`, an
// `iframe` or a `window`; the page holding the frame is the LMS's own web page. A registration names
// two browser-facing URLs of the platform: the issuer (for Moodle its wwwroot, the very origin that
// serves the course page) and the OIDC authentication request URL (the LMS host the browser already
// visits during the launch, for platforms whose issuer is an identifier on another host). Both are
// typed by the instructor who registered the platform; the token URL and JWKS URL are server-to-server
// and never hold a course page, so they are left out. Platforms whose course pages live on yet
// another host (a hosted Canvas or Blackboard whose issuer is the vendor's) cannot frame the tool and
// use a new-window launch.

export interface FramingPlatform {
  issuer: string;
  authLoginUrl: string;
}

const originOf = (url: string): string | null => {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.origin : null;
  } catch {
    return null;
  }
};

/** The origins (scheme, host, port) of the platforms' issuer and authentication URLs, each once, sorted. */
export function frameAncestorOrigins(platforms: readonly FramingPlatform[]): string[] {
  const origins = new Set<string>();
  for (const p of platforms)
    for (const url of [p.issuer, p.authLoginUrl]) {
      const origin = originOf(url);
      if (origin) origins.add(origin);
    }
  return [...origins].sort();
}

/** The CSP directive: the origins, or 'none' when there are none (CSP3 frame-ancestors). */
export const frameAncestorsDirective = (origins: readonly string[]) =>
  `frame-ancestors ${origins.length > 0 ? origins.join(" ") : "'none'"}`;

/**
 * The pages an LTI launch lands on, which a launched browser may see inside its platform's frame:
 * the quiz of a lesson or module, a quiz attempt and its review, a drill, and the deep linking
 * picker. Every other page keeps refusing to be framed.
 */
const LANDING = [
  /^\/lessons\/[a-z0-9-]+\/quiz\/?$/,
  /^\/modules\/[a-z0-9-]+\/quiz\/?$/,
  /^\/quiz\/[A-Za-z0-9_-]+(\/review)?\/?$/,
  /^\/drills\/[a-z0-9-]+\/?$/,
  /^\/lti\/deep-link\/?$/,
];

export const isLtiLandingPath = (path: string) => LANDING.some((re) => re.test(path));

/** A path inside kubelearn ("/x", not "//host" or a full URL), for the landing's `to`. */
export const isLocalPath = (path: string) => /^\/(?![/\\])/.test(path) && path.length <= 4000;
