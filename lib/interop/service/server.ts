import "server-only";
import { contentLibrary } from "../../content/library";
import { createQuestionExportService } from "./question-export-service";

/** The app's question export: the published lessons of this process's content library. */
export const questionExport = () => createQuestionExportService({ library: contentLibrary });
