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
  // signIn answers by redirecting (it throws Next's redirect), with the session cookie set.
  await signIn("lti", { ticket: result.value.ticket, redirectTo: result.value.redirectTo });
  return refusalPage("The sign-in did not complete.");
}
