import { signIn } from "@/lib/auth/auth";
import { ltiFrameOrigins, ltiLaunches } from "@/lib/lti/service/server";
import { setLaunchCookies } from "../cookies";
import { refusalPage } from "../html-page";

/**
 * The redirect URI the platform form-posts the id_token and state to (security/v1p0#step-3-authentication-response, OIDC form_post).
 * A verified launch signs its user in through the "lti" provider with a one-time ticket and goes,
 * through /lti/landing (which checks that the frame kept the session cookie), to what the launch
 * opens: the linked quiz or drill, or the deep linking picker. The platform may show all of this in
 * an iframe, so its answers may be framed by the registered platforms (app/lti/cookies.ts).
 */
export async function POST(request: Request) {
  const framers = await ltiFrameOrigins();
  const form = await request.formData().catch(() => null);
  const idToken = form?.get("id_token");
  const state = form?.get("state");
  if (typeof idToken !== "string" || typeof state !== "string" || !idToken || !state)
    return refusalPage("The launch is missing its id_token or state.", framers);
  if (idToken.length > 20_000 || state.length > 200)
    return refusalPage("The launch is too large to be an LTI launch.", framers);
  const result = await ltiLaunches().launch({ idToken, state });
  if (!result.ok) return refusalPage(result.error, framers);
  // signIn sets the session cookie; the answer is a 303, so the browser follows with a GET (Next's
  // redirect() would answer 307 in a route handler, and the browser would post the id_token again).
  const { ticket, redirectTo, fallbackTicket, frameOrigins } = result.value;
  const landed = await signIn("lti", { ticket, redirectTo, redirect: false });
  if (typeof landed !== "string" || new URL(landed, "http://x").searchParams.has("error"))
    return refusalPage("The sign-in did not complete. Open the activity again from your course.", framers);
  await setLaunchCookies(request, frameOrigins);
  const landing = `/lti/landing?${new URLSearchParams({ to: redirectTo, t: fallbackTicket })}`;
  return new Response(null, { status: 303, headers: { location: landing, "cache-control": "no-store" } });
}
