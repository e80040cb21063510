import { z } from "zod";
import { currentUser } from "@/lib/auth/guards";
import { findLesson } from "@/lib/content/library";
import { repositories } from "@/lib/db/repositories";

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
  const lesson = findLesson(parsed.data.slug);
  if (!lesson) return Response.json({ ok: false, error: `No lesson "${parsed.data.slug}".` }, { status: 404 });
  const sectionId =
    parsed.data.sectionId && lesson.toc.some((t) => t.id === parsed.data.sectionId) ? parsed.data.sectionId : undefined;
  const record = await repositories().progress.recordActivity(
    user.id,
    lesson.slug,
    { seconds: parsed.data.seconds, sectionId },
    new Date(),
  );
  return Response.json({ ok: true, timeSpentSec: record.timeSpentSec });
}
