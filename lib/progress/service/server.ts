import "server-only";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { drillLibrary } from "../../drills/service/server";
import { createProgressService } from "./progress-service";

export const progressService = () =>
  createProgressService({
    repos: repositories(),
    library: contentLibrary,
    drillLessons: () => new Map(drillLibrary().map((d) => [d.slug, d.lesson])),
    now: () => new Date(),
  });
