import { signIn } from "@/lib/auth/auth";
import { isLocalPath } from "@/lib/lti/core/frame-ancestors";
import { refusalPage } from "../html-page";

/**
 * The "open in a new window" fallback of /lti/landing: a top-level window, so kubelearn's cookies
 * are first-party; the launch's spare one-time ticket signs the person in, then the activity opens.
 */
export async function POST(request: Request) {
  // Its session cookie stays next-auth's SameSite=Lax: this is a top-level window, not a frame.
  const form = await request.formData().catch(() => null);
  const ticket = form?.get("ticket");
  const to = form?.get("to");
  if (typeof ticket !== "string" || typeof to !== "string" || !isLocalPath(to) || ticket.length > 100)
    return refusalPage("This page needs the launch from your course. Open the activity again from the course.");
  const landed = await signIn("lti", { ticket, redirectTo: to, redirect: false }).catch(() => null);
  if (typeof landed !== "string" || new URL(landed, "http://x").searchParams.has("error"))
    return refusalPage("This button works once, for two minutes. Open the activity again from your course.");
  return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store" } });
}
