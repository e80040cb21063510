import { currentUser } from "@/lib/auth/guards";
import { readingSchema } from "@/lib/progress/service/schemas";
import { progressService } from "@/lib/progress/service/server";

/** Reading-time heartbeats from the lesson page (sent with fetch or navigator.sendBeacon). */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ ok: false, error: "Sign in to record progress." }, { status: 401 });
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    return Response.json({ ok: false, error: "The request body must be JSON." }, { status: 400 });
  }
  const parsed = readingSchema.safeParse(body);
  if (!parsed.success) {
    return Response.json(
      { ok: false, error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") },
      { status: 400 },
    );
  }
  const result = await progressService().recordReading(user.id, parsed.data);
  if (!result.ok) return Response.json({ ok: false, error: result.error }, { status: 404 });
  return Response.json({ ok: true, timeSpentSec: result.value.timeSpentSec });
}
