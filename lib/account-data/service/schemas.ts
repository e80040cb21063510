import { z } from "zod";
import { DATA_FILES, DATA_ZIP_PATH, type DataFile } from "../core/data-tables";

const CSV_PATHS = DATA_FILES.map((f) => `${f}.csv`);

/** The last segment of /account/my-data/<file>: one table's CSV, or the zip of all of them. */
export const dataDownloadSchema = z
  .string()
  .refine((p) => p === DATA_ZIP_PATH || CSV_PATHS.includes(p), {
    error: `Download ${[...CSV_PATHS, DATA_ZIP_PATH].join(", ")}.`,
  })
  .transform((p): { kind: "zip" } | { kind: "csv"; file: DataFile } =>
    p === DATA_ZIP_PATH ? { kind: "zip" } : { kind: "csv", file: p.replace(/\.csv$/, "") as DataFile },
  );
export type DataDownload = z.output<typeof dataDownloadSchema>;
