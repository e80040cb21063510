import { z } from "zod";
import { currentUser, isInstructor } from "@/lib/auth/guards";
import { downloadResponse } from "@/lib/http/download";
import { jsonError } from "@/lib/http/json-response";
import { jsonRoute } from "@/lib/http/json-route";

const classId = z.string().min(1).max(64);

/** A class's CSV file, or null when the class is not this instructor's (the route answers 404). */
type BuildClassCsv = (instructorId: string, classId: string) => Promise<{ csv: string; filename: string } | null>;

/** A GET handler for one of the instructor's class CSV downloads: the same refusals for every file. */
export const classCsvRoute = (build: BuildClassCsv) =>
  jsonRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const user = await currentUser();
    if (!user) return jsonError(401, "Sign in to download class data.");
    if (!isInstructor(user)) return jsonError(403, "Class data is for the class's instructor.");
    const id = classId.safeParse((await params).id);
    const file = id.success ? await build(user.id, id.data) : null;
    if (!file) return jsonError(404, "There is no such class.");
    return downloadResponse(file.csv, file.filename, "text/csv; charset=utf-8");
  });
