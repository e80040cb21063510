import { auth } from "@/lib/auth/auth";
import { isLocalPath } from "@/lib/lti/core/frame-ancestors";
import { ltiFrameOrigins, ltiLaunches } from "@/lib/lti/service/server";
import { escapeHtml, htmlPage, refusalPage } from "../html-page";

/**
 * Where a launch goes right after signing in. When the session cookie came back, the browser kept it
 * (a new window, or an iframe that allows kubelearn's cookies): the spare ticket is spent and the
 * browser goes on to the activity. When it did not, the LMS shows kubelearn in a frame whose cookies
 * the browser blocks: the page says so and offers to open the activity in a new window, where the
 * spare one-time ticket (two minutes) signs the person in first-party.
 */
export async function GET(request: Request) {
  const framers = await ltiFrameOrigins();
  const params = new URL(request.url).searchParams;
  const to = params.get("to") ?? "";
  const ticket = params.get("t") ?? "";
  if (!isLocalPath(to) || ticket.length < 20 || ticket.length > 100)
    return refusalPage(
      "This page needs the launch from your course. Open the activity again from the course.",
      framers,
    );
  const session = await auth();
  if (session?.user?.id) {
    await ltiLaunches().discardTicket(ticket);
    return new Response(null, { status: 303, headers: { location: to, "cache-control": "no-store" } });
  }
  return htmlPage({
    title: "Open kubelearn in a new window",
    frameAncestors: framers,
    body: `<h1>Open this activity in a new window</h1>
<p role="alert">Your browser did not keep kubelearn's sign-in inside your course page: it blocks cookies of sites shown in a frame.</p>
<p>Open the activity in a new window to go on; your work and your grade are saved as usual. This button works once, for two minutes: after that, open the activity from your course again.</p>
<form method="post" action="/lti/continue" target="_blank">
<input type="hidden" name="ticket" value="${escapeHtml(ticket)}">
<input type="hidden" name="to" value="${escapeHtml(to)}">
<button type="submit">Open in a new window</button>
</form>`,
  });
}
