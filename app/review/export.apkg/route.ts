import { currentUser } from "@/lib/auth/guards";
import { ankiExportQuerySchema } from "@/lib/flashcards/service/schemas";
import { ankiExport } from "@/lib/flashcards/service/server";
import { downloadResponse } from "@/lib/http/download";
import { jsonError } from "@/lib/http/json-response";
import { jsonRoute } from "@/lib/http/json-route";

/**
 * Flashcards as an Anki package. `GET /review/export.apkg?lesson=<slug>`: a lesson's cards, all new,
 * for anyone (lessons are public; a signed-in learner's day starts in their time zone). `GET /review/export.apkg`: the signed-in learner's cards of every
 * lesson with their scheduling and review log. Refusals are `{ ok: false, error }`: 400 a slug that
 * cannot be one, 404 no such lesson, 401 signed out.
 */
export const GET = jsonRoute(async (request: Request) => {
  const lesson = new URL(request.url).searchParams.get("lesson");
  const parsed = ankiExportQuerySchema.safeParse(lesson === null ? {} : { lesson });
  if (!parsed.success) return jsonError(400, parsed.error.issues[0].message);
  if (parsed.data.lesson !== undefined) {
    const file = ankiExport().lessonDeck(parsed.data.lesson, (await currentUser())?.timeZone);
    if (!file.ok) return jsonError(404, file.error);
    return downloadResponse(file.value.body, file.value.filename, file.value.contentType);
  }
  const user = await currentUser();
  if (!user) return jsonError(401, "Sign in to download your own flashcards with their scheduling.");
  const file = await ankiExport().learnerDeck(user.id);
  // A learner's review history: downloadResponse keeps it out of shared caches (no-store).
  return downloadResponse(file.body, file.filename, file.contentType);
});
