import { currentUser } from "@/lib/auth/guards";
import { jsonError } from "@/lib/http/json-response";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { readingSchema } from "@/lib/progress/service/schemas";
import { progressService } from "@/lib/progress/service/server";

/** Reading-time heartbeats from the lesson page (sent with fetch or navigator.sendBeacon). */
export const POST = jsonRoute(async (request: Request) => {
  const user = await currentUser();
  if (!user) return jsonError(401, "Sign in to record progress.");
  const body = await readJsonBody(request, readingSchema);
  if (!body.ok) return body.response;
  const result = await progressService().recordReading(user.id, body.data);
  if (!result.ok) return jsonError(404, result.error);
  return Response.json({ ok: true, timeSpentSec: result.value.timeSpentSec });
});
