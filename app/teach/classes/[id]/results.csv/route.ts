import { classService } from "@/lib/classes/service/server";
import { classCsvRoute } from "../class-csv-route";

/** Results of one of the instructor's classes as CSV: one row per learner and assignment, in the class's zone. */
export const GET = classCsvRoute((instructorId, classId) => classService().resultsCsv(instructorId, classId));
