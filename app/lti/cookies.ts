import { cookies } from "next/headers";
import { FRAME_COOKIE, FRAME_COOKIE_HOURS, readFrameCookie, signFrameCookie } from "@/lib/lti/service/frame-cookie";

// Cookies of an LTI flow. Inside the LMS's iframe kubelearn is a third party: a browser sends its
// cookies there only when they are SameSite=None (RFC 6265bis: "None" is what lets a cookie go with
// cross-site requests), which browsers accept only with Secure, so only over HTTPS; Partitioned
// (CHIPS) keeps them in a jar of the LMS's site, which is what Chrome still allows when it blocks
// third-party cookies. On plain http there is no Secure: they stay SameSite=Lax, which works in a
// frame only when the LMS and kubelearn are the same site (say both on 127.0.0.1 or localhost with
// different ports); elsewhere the landing page finds no session and offers a new window.

const secret = () => process.env.AUTH_SECRET ?? "";

/** Whether this request came over HTTPS (directly, or through a trusted proxy that says so). */
export function requestIsHttps(request: Request): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  return process.env.TRUST_PROXY === "1" && request.headers.get("x-forwarded-proto") === "https";
}

const crossSite = (https: boolean) =>
  https ? ({ secure: true, sameSite: "none", partitioned: true } as const) : ({ sameSite: "lax" } as const);

/**
 * After a sign-in in an LTI route: makes next-auth's session cookie (set with SameSite=Lax) one that
 * an iframe can keep, and adds the signed cookie naming who may frame the landing pages.
 */
export async function setLaunchCookies(request: Request, frameOrigins: readonly string[]): Promise<void> {
  const jar = await cookies();
  const https = requestIsHttps(request);
  if (https)
    for (const c of jar.getAll())
      if (/authjs\.session-token(\.\d+)?$/.test(c.name))
        jar.set({ name: c.name, value: c.value, httpOnly: true, path: "/", ...crossSite(true) });
  jar.set({
    name: FRAME_COOKIE,
    value: await signFrameCookie(frameOrigins, secret(), new Date()),
    httpOnly: true,
    path: "/",
    maxAge: FRAME_COOKIE_HOURS * 3600,
    ...crossSite(https),
  });
}

/** The origins this browser's last launch allows to frame it (for route handlers' own policies). */
export async function launchedFrameOrigins(): Promise<string[]> {
  return readFrameCookie((await cookies()).get(FRAME_COOKIE)?.value, secret(), new Date());
}
