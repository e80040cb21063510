import { strToU8, zipSync } from "fflate";
import { hasUsablePassword } from "../../auth/password";
import type { ContentLibrary } from "../../content/load-content";
import { toCsv } from "../../csv";
import type { Repositories } from "../../db/repositories";
import type { Drill } from "../../drills/core/types";
import { lessonCards } from "../../flashcards/core/cards";
import { ACCOUNT_SETTINGS_FILE, accountSettingsDocument } from "../core/account-settings";
import {
  DATA_FILE_INFO,
  DATA_FILES,
  type DataFile,
  dataFileName,
  dataZipName,
  type LearnerRecords,
  type Names,
} from "../core/data-tables";

// "Your data is yours": the signed-in learner's own records as CSV files. Every read goes through a
// repository method that takes the learner's id, so no other learner's row can reach a file.

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
export const ZIP_CONTENT_TYPE = "application/zip";
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export interface DataExportDeps {
  repos: Repositories;
  library: () => Pick<ContentLibrary, "lessons" | "modules">;
  drills: () => Drill[];
  now: () => Date;
}

export interface DataFileDownload<B> {
  filename: string;
  contentType: string;
  body: B;
}

export function createDataExportService(deps: DataExportDeps) {
  async function records(userId: string): Promise<LearnerRecords> {
    const [attempts, reviews, ownCards, copies, drillRuns, progress] = await Promise.all([
      deps.repos.quizzes.everyAttempt(userId),
      deps.repos.flashcards.reviewLog(userId),
      deps.repos.ownCards.list(userId),
      deps.repos.cardOverrides.list(userId),
      deps.repos.drills.runsOf(userId),
      deps.repos.progress.listForUser(userId),
    ]);
    return { attempts, reviews, ownCards, cardCopies: [...copies.values()], drillRuns, progress };
  }

  function names(): Names {
    const library = deps.library();
    const lessons = new Map(library.lessons.map((l) => [l.slug, l.title]));
    const modules = new Map(library.modules.map((m) => [m.id, m.title]));
    const cards = new Map(library.lessons.flatMap(lessonCards).map((c) => [c.id, c]));
    const drills = new Map(deps.drills().map((d) => [d.slug, d]));
    return {
      lessonTitle: (slug) => lessons.get(slug),
      moduleTitle: (id) => modules.get(id),
      card: (id) => cards.get(id),
      drill: (slug) => drills.get(slug),
    };
  }

  const csvOf = (file: DataFile, data: LearnerRecords, lookup: Names) => {
    const table = DATA_FILE_INFO[file].table(data, lookup);
    return { csv: toCsv(table.header, table.rows), rows: table.rows.length };
  };

  /** The account settings as indented JSON, or null when the account is gone. */
  async function settingsJson(userId: string, now: Date): Promise<string | null> {
    const [user, flashcards, lti, platforms] = await Promise.all([
      deps.repos.users.findById(userId),
      deps.repos.flashcards.settings(userId),
      deps.repos.lti.linksOf(userId),
      deps.repos.lti.listPlatforms(userId),
    ]);
    if (!user) return null;
    const document = accountSettingsDocument(
      {
        user: { ...user, hasPassword: hasUsablePassword(user.passwordHash) },
        flashcards,
        lti,
        platforms,
        exportedAt: now,
      },
      names(),
    );
    return `${JSON.stringify(document, null, 2)}\n`;
  }

  return {
    /** How many rows each file holds, for the page. */
    async rowCounts(userId: string): Promise<Record<DataFile, number>> {
      const [data, lookup] = [await records(userId), names()];
      return Object.fromEntries(
        DATA_FILES.map((f) => [f, DATA_FILE_INFO[f].table(data, lookup).rows.length]),
      ) as Record<DataFile, number>;
    },

    /** One table as a spreadsheet-safe CSV file. */
    async csv(userId: string, file: DataFile): Promise<DataFileDownload<string>> {
      const { csv } = csvOf(file, await records(userId), names());
      return { filename: dataFileName(file), contentType: CSV_CONTENT_TYPE, body: csv };
    },

    /** The account's settings as JSON (profile, display, flashcard scheduling, LTI links); null when it is gone. */
    async settings(userId: string): Promise<DataFileDownload<string> | null> {
      const body = await settingsJson(userId, deps.now());
      return body === null ? null : { filename: ACCOUNT_SETTINGS_FILE, contentType: JSON_CONTENT_TYPE, body };
    },

    /** Every table as CSV and the account settings as JSON, in one zip. */
    async zip(userId: string): Promise<DataFileDownload<Uint8Array<ArrayBuffer>>> {
      const [data, lookup, now] = [await records(userId), names(), deps.now()];
      const entries = Object.fromEntries(DATA_FILES.map((f) => [dataFileName(f), strToU8(csvOf(f, data, lookup).csv)]));
      const settings = await settingsJson(userId, now);
      if (settings !== null) entries[ACCOUNT_SETTINGS_FILE] = strToU8(settings);
      // fflate allocates plain ArrayBuffers; its types say ArrayBufferLike, which Response refuses.
      const body = zipSync(entries, { mtime: now }) as Uint8Array<ArrayBuffer>;
      return { filename: dataZipName(now), contentType: ZIP_CONTENT_TYPE, body };
    },
  };
}

export type DataExportService = ReturnType<typeof createDataExportService>;
