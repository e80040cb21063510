import { ITEMS_CSV_HEADER, itemsCsvRows } from "@/lib/classes/core/class-csv";
import { classInsights, classService } from "@/lib/classes/service/server";
import { contentLibrary } from "@/lib/content/library";
import { toCsv } from "@/lib/csv";
import { classCsvRoute } from "../class-csv-route";

/** Item analysis of one of the instructor's classes as CSV: one row per question template. */
export const GET = classCsvRoute(async (instructorId, classId) => {
  const [cls, insights] = await Promise.all([
    classService().classDetail(instructorId, classId),
    classInsights().insights(instructorId, classId),
  ]);
  if (!cls || !insights) return null;
  const lessons = contentLibrary().lessons;
  const title = (slug: string) => lessons.find((l) => l.slug === slug)?.title ?? slug;
  return { csv: toCsv(ITEMS_CSV_HEADER, itemsCsvRows(insights.items, title)), filename: `${cls.name} items.csv` };
});
