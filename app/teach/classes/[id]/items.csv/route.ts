import { z } from "zod";
import { currentUser, isInstructor } from "@/lib/auth/guards";
import { ITEMS_CSV_HEADER, itemsCsvRows } from "@/lib/classes/core/class-csv";
import { classInsights, classService } from "@/lib/classes/service/server";
import { contentLibrary } from "@/lib/content/library";
import { toCsv } from "@/lib/csv";
import { downloadResponse } from "@/lib/http/download";
import { jsonError } from "@/lib/http/json-response";
import { jsonRoute } from "@/lib/http/json-route";

const classId = z.string().min(1).max(64);

/** Item analysis of one of the instructor's classes as CSV: one row per question template. */
export const GET = jsonRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await currentUser();
  if (!user) return jsonError(401, "Sign in to download class data.");
  if (!isInstructor(user)) return jsonError(403, "Class data is for the class's instructor.");
  const id = classId.safeParse((await params).id);
  const [cls, insights] = id.success
    ? await Promise.all([classService().classDetail(user.id, id.data), classInsights().insights(user.id, id.data)])
    : [null, null];
  if (!cls || !insights) return jsonError(404, "There is no such class.");
  const lessons = contentLibrary().lessons;
  const title = (slug: string) => lessons.find((l) => l.slug === slug)?.title ?? slug;
  return downloadResponse(
    toCsv(ITEMS_CSV_HEADER, itemsCsvRows(insights.items, title)),
    `${cls.name} items.csv`,
    "text/csv; charset=utf-8",
  );
});
