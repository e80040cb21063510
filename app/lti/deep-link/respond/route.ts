import { auth } from "@/lib/auth/auth";
import { frameAncestorsDirective } from "@/lib/lti/core/frame-ancestors";
import { type LtiTarget, TARGET_KINDS } from "@/lib/lti/core/target";
import { ltiDeepLinks, ltiLaunches } from "@/lib/lti/service/server";
import { launchedFrameOrigins } from "../../cookies";
import { escapeHtml, htmlPage, refusalPage } from "../../html-page";

function targetOf(value: unknown): LtiTarget | null {
  if (typeof value !== "string") return null;
  const [kind, id] = value.split(":");
  return (TARGET_KINDS as readonly string[]).includes(kind) && id ? { kind: kind as LtiTarget["kind"], id } : null;
}

/**
 * Signs the LtiDeepLinkingResponse for the chosen item and hands it to the LMS: a form posting
 * `JWT` to deep_link_return_url (lti-dl/v2p0#deep-linking-response-message), sent by a script and by its visible
 * button when script is off. This answer carries its own Content-Security-Policy (proxy.ts leaves
 * it alone), whose form-action allows the platform's origin and nothing else.
 */
export async function POST(request: Request) {
  const session = await auth();
  if (!session?.user?.id) return refusalPage("Your session has ended. Start the deep linking again from your course.");
  const form = await request.formData().catch(() => null);
  const context = form?.get("context");
  const target = targetOf(form?.get("item"));
  if (typeof context !== "string" || !target) return refusalPage("Choose one of the quizzes or drills listed.");
  const ctx = await ltiLaunches().readDeepLinkContext(session.user.id, context);
  if (!ctx)
    return refusalPage("This page needs the deep linking launch from your course. Start it again from the course.");
  const result = await ltiDeepLinks().respond(ctx, target);
  if (!result.ok) return refusalPage(result.error);
  const nonce = crypto.randomUUID().replace(/-/g, "");
  const origin = new URL(result.value.returnUrl).origin;
  return htmlPage({
    title: "Returning to your course",
    headers: {
      "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; form-action ${origin}; base-uri 'none'; ${frameAncestorsDirective(await launchedFrameOrigins())}`,
    },
    body: `<h1>Returning to your course…</h1>
<form id="lti-return" method="post" action="${escapeHtml(result.value.returnUrl)}">
<input type="hidden" name="JWT" value="${escapeHtml(result.value.jwt)}">
<button type="submit">Continue to your course</button>
</form>
<script nonce="${nonce}">document.getElementById("lti-return").submit();</script>`,
  });
}
