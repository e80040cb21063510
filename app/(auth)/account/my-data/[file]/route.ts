import { dataDownloadSchema } from "@/lib/account-data/service/schemas";
import { dataExport } from "@/lib/account-data/service/server";
import { currentUser } from "@/lib/auth/guards";
import { downloadResponse } from "@/lib/http/download";
import { jsonError } from "@/lib/http/json-response";
import { jsonRoute } from "@/lib/http/json-route";

type DataFileRoute = { params: Promise<{ file: string }> };

/**
 * The signed-in learner's own records: GET /account/my-data/<table>.csv (see the data page for the
 * tables), /account/my-data/account-settings.json or /account/my-data/all.zip. Only ever the
 * requester's rows; 401 signed out, 404 no such file.
 */
export const GET = jsonRoute(async (_request: Request, { params }: DataFileRoute) => {
  const user = await currentUser();
  if (!user) return jsonError(401, "Sign in to download your data.");
  const parsed = dataDownloadSchema.safeParse((await params).file);
  if (!parsed.success) return jsonError(404, parsed.error.issues[0].message);
  const wanted = parsed.data;
  switch (wanted.kind) {
    case "zip": {
      const zip = await dataExport().zip(user.id);
      return downloadResponse(zip.body, zip.filename, zip.contentType);
    }
    case "settings": {
      const settings = await dataExport().settings(user.id);
      if (!settings) return jsonError(401, "Sign in to download your data.");
      return downloadResponse(settings.body, settings.filename, settings.contentType);
    }
    case "csv": {
      const csv = await dataExport().csv(user.id, wanted.file);
      return downloadResponse(csv.body, csv.filename, csv.contentType);
    }
    default:
      return wanted satisfies never;
  }
});
