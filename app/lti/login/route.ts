import { z } from "zod";
import { ltiFrameOrigins, ltiLaunches } from "@/lib/lti/service/server";
import { refusalPage } from "../html-page";

// IMS Security Framework (security/v1p0#step-1-third-party-initiated-login) and LTI Core
// (lti/v1p3#additional-login-parameters): the platform starts the launch with a GET or POST to the tool's login
// initiation URL carrying iss, login_hint and target_link_uri (and optionally lti_message_hint,
// lti_deployment_id and client_id).
const loginSchema = z.object({
  iss: z.string().min(1).max(500),
  login_hint: z.string().min(1).max(2000),
  target_link_uri: z.string().min(1).max(2000),
  lti_message_hint: z.string().max(4000).optional(),
  lti_deployment_id: z.string().max(255).optional(),
  client_id: z.string().max(255).optional(),
});

// The platform may start the launch inside an iframe, so a refusal may be framed by the registered platforms.
async function login(params: URLSearchParams) {
  const parsed = loginSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success)
    return refusalPage("The login request is missing iss, login_hint or target_link_uri.", await ltiFrameOrigins());
  const result = await ltiLaunches().login(parsed.data);
  if (!result.ok) return refusalPage(result.error, await ltiFrameOrigins());
  return new Response(null, { status: 302, headers: { location: result.value, "cache-control": "no-store" } });
}

export const GET = (request: Request) => login(new URL(request.url).searchParams);

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  if (!form) return refusalPage("The login request could not be read.", await ltiFrameOrigins());
  const params = new URLSearchParams();
  for (const [name, value] of form) if (typeof value === "string") params.set(name, value);
  return login(params);
}
