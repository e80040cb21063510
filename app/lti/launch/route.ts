import { signIn } from "@/lib/auth/auth";
import { ltiLaunches } from "@/lib/lti/service/server";
import { refusalPage } from "../html-page";

/**
 * The redirect URI the platform form-posts the id_token and state to (security/v1p0#step-3-authentication-response, OIDC form_post).
 * A verified launch signs its user in through the "lti" provider with a one-time ticket and goes to
 * what the launch opens: the linked quiz or drill, or the deep linking picker.
 */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const idToken = form?.get("id_token");
  const state = form?.get("state");
  if (typeof idToken !== "string" || typeof state !== "string" || !idToken || !state)
    return refusalPage("The launch is missing its id_token or state.");
  if (idToken.length > 20_000 || state.length > 200) return refusalPage("The launch is too large to be an LTI launch.");
  const result = await ltiLaunches().launch({ idToken, state });
  if (!result.ok) return refusalPage(result.error);
  // signIn sets the session cookie; the answer is a 303, so the browser follows with a GET (Next's
  // redirect() would answer 307 in a route handler, and the browser would post the id_token again).
  const { ticket, redirectTo } = result.value;
  const landed = await signIn("lti", { ticket, redirectTo, redirect: false });
  if (typeof landed !== "string" || new URL(landed, "http://x").searchParams.has("error"))
    return refusalPage("The sign-in did not complete. Open the activity again from your course.");
  return new Response(null, { status: 303, headers: { location: redirectTo, "cache-control": "no-store" } });
}
