import type { QuizScope } from "../../quiz/core/attempt";
import type { ExportSet } from "./export-set";
import { toGift } from "./gift";
import { toMoodleXml } from "./moodle-xml";
import type { RenderedExport } from "./question-parts";

/** The formats a question pool exports to, by the name the CLI and the download URL use. */
export const EXPORT_FORMAT_IDS = ["gift", "moodle-xml"] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_IDS)[number];

interface ExportFormatInfo {
  /** What instructors read on the link. */
  label: string;
  contentType: string;
  /** The file name's ending: Moodle's importer offers .txt files for GIFT and .xml files for Moodle XML. */
  extension: string;
  render(set: ExportSet): RenderedExport;
}

/** Everything derived from a format (the CLI's usage, the route's validation, the links) reads this table. */
export const EXPORT_FORMATS: Record<ExportFormat, ExportFormatInfo> = {
  gift: { label: "GIFT", contentType: "text/plain; charset=utf-8", extension: "gift.txt", render: toGift },
  "moodle-xml": {
    label: "Moodle XML",
    contentType: "application/xml; charset=utf-8",
    extension: "moodle.xml",
    render: toMoodleXml,
  },
};

export const isExportFormat = (text: string): text is ExportFormat =>
  (EXPORT_FORMAT_IDS as readonly string[]).includes(text);

/** The downloaded file's name, e.g. kubelearn-lesson-cluster-ip-vs-pod-ip-seed-1.gift.txt. */
export function exportFileName(set: Pick<ExportSet, "scope" | "target" | "seed">, format: ExportFormat): string {
  const what = set.scope === "course" ? "course" : `${set.scope}-${set.target}`;
  return `kubelearn-${what}-seed-${set.seed}.${EXPORT_FORMATS[format].extension}`;
}

/** Where an instructor downloads a pool (app/teach/export/[format]/[scope]/[target]/route.ts). */
export const exportHref = (format: ExportFormat, scope: QuizScope, target: string) =>
  `/teach/export/${format}/${scope}/${encodeURIComponent(target)}`;
