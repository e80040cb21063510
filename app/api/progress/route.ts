import { z } from "zod";
import { currentUser } from "@/lib/auth/guards";
import { progressService } from "@/lib/progress/service/server";

const activitySchema = z.object({
  slug: z.string().min(1).max(120),
  seconds: z.number().finite().min(0).max(3600),
  sectionId: z.string().max(120).nullable().optional(),
});

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
  const parsed = activitySchema.safeParse(body);
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
