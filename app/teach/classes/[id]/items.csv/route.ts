import { classInsights } from "@/lib/classes/service/server";
import { classCsvRoute } from "../class-csv-route";

/** Item analysis of one of the instructor's classes as CSV: one row per question template. */
export const GET = classCsvRoute((instructorId, classId) => classInsights().itemsCsv(instructorId, classId));
