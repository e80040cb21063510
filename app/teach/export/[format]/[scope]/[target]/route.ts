import { currentUser, isInstructor } from "@/lib/auth/guards";
import { downloadResponse } from "@/lib/http/download";
import { jsonError } from "@/lib/http/json-response";
import { jsonRoute } from "@/lib/http/json-route";
import { exportRequestSchema } from "@/lib/interop/service/schemas";
import { questionExport } from "@/lib/interop/service/server";

type ExportRoute = { params: Promise<{ format: string; scope: string; target: string }> };

/**
 * An instructor downloads a lesson's, a module's or the course's question pool for Moodle:
 * GET /teach/export/{gift|moodle-xml}/{lesson|module|course}/{target}[?seed=N]. Refusals are the
 * route handlers' `{ ok: false, error }`: 401 signed out, 403 not an instructor, 400 a path or seed
 * that cannot name an export, 404 no such lesson or module.
 */
export const GET = jsonRoute(async (request: Request, { params }: ExportRoute) => {
  const user = await currentUser();
  if (!user) return jsonError(401, "Sign in as an instructor to export questions.");
  if (!isInstructor(user)) return jsonError(403, "Only instructors can export question pools.");
  const seed = new URL(request.url).searchParams.get("seed");
  const parsed = exportRequestSchema.safeParse({ ...(await params), ...(seed === null ? {} : { seed }) });
  if (!parsed.success) return jsonError(400, parsed.error.issues[0].message);
  const file = questionExport().exportQuestions(parsed.data);
  if (!file.ok) return jsonError(404, file.error);
  // The pool holds every answer key: downloadResponse keeps it out of shared caches (no-store).
  return downloadResponse(file.value.body, file.value.filename, file.value.contentType);
});
