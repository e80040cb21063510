import { z } from "zod";
import { ACCOUNT_SETTINGS_PATH } from "../core/account-settings";
import { DATA_FILES, DATA_ZIP_PATH, type DataFile } from "../core/data-tables";

const CSV_PATHS = DATA_FILES.map((f) => `${f}.csv`);
const PATHS = [...CSV_PATHS, ACCOUNT_SETTINGS_PATH, DATA_ZIP_PATH];

/** The last segment of /account/my-data/<file>: one table's CSV, the account settings, or the zip of all. */
export const dataDownloadSchema = z
  .string()
  .refine((p) => PATHS.includes(p), { error: `Download ${PATHS.join(", ")}.` })
  .transform((p): { kind: "zip" } | { kind: "settings" } | { kind: "csv"; file: DataFile } => {
    if (p === DATA_ZIP_PATH) return { kind: "zip" };
    if (p === ACCOUNT_SETTINGS_PATH) return { kind: "settings" };
    return { kind: "csv", file: p.replace(/\.csv$/, "") as DataFile };
  });
export type DataDownload = z.output<typeof dataDownloadSchema>;
