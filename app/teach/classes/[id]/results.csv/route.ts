import { z } from "zod";
import { currentUser, isInstructor } from "@/lib/auth/guards";
import { classService } from "@/lib/classes/service/server";
import { downloadResponse } from "@/lib/http/download";
import { jsonError } from "@/lib/http/json-response";
import { jsonRoute } from "@/lib/http/json-route";

const classId = z.string().min(1).max(64);

/** Results of one of the instructor's classes as CSV: one row per learner and assignment, in the class's zone. */
export const GET = jsonRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await currentUser();
  if (!user) return jsonError(401, "Sign in to download class data.");
  if (!isInstructor(user)) return jsonError(403, "Class data is for the class's instructor.");
  const id = classId.safeParse((await params).id);
  const file = id.success ? await classService().resultsCsv(user.id, id.data) : null;
  if (!file) return jsonError(404, "There is no such class.");
  return downloadResponse(file.csv, file.filename, "text/csv; charset=utf-8");
});
