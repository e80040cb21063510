import "server-only";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { drillLibrary } from "../../drills/service/server";
import { createDataExportService } from "./data-export-service";

/** The app's data export: this process's content, drills and database. */
export const dataExport = () =>
  createDataExportService({
    repos: repositories(),
    library: contentLibrary,
    drills: drillLibrary,
    now: () => new Date(),
  });
