import type { ContentLibrary } from "../../content/load-content";
import { ok, type Result } from "../../result";
import { exportSet } from "../core/export-set";
import { EXPORT_FORMATS, exportFileName } from "../core/formats";
import type { SkippedQuestions } from "../core/question-parts";
import type { ExportRequest } from "./schemas";

export interface QuestionExportDeps {
  library: () => Pick<ContentLibrary, "modules" | "lessons">;
}

/** A question pool as a file to download or print. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
  questionCount: number;
  /** Questions the format cannot hold, by kind, with the reason (GIFT has no ordering questions). */
  skipped: SkippedQuestions[];
  /** What was exported, e.g. the lesson's title. */
  title: string;
}

/** Exports a lesson's, a module's or the course's question pool as GIFT or Moodle XML (the CLI and the instructors' download). */
export function createQuestionExportService(deps: QuestionExportDeps) {
  return {
    exportQuestions(request: ExportRequest): Result<ExportFile> {
      const set = exportSet(deps.library(), request.scope, request.target, request.seed);
      if (!set.ok) return set;
      const format = EXPORT_FORMATS[request.format];
      const rendered = format.render(set.value);
      return ok({
        filename: exportFileName(set.value, request.format),
        contentType: format.contentType,
        body: rendered.body,
        questionCount: rendered.questionCount,
        skipped: rendered.skipped,
        title: set.value.title,
      });
    },
  };
}
