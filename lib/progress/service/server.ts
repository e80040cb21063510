import "server-only";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { drillLessons } from "../../drills/service/server";
import { createProgressService } from "./progress-service";

export const progressService = () =>
  createProgressService({
    repos: repositories(),
    library: contentLibrary,
    drillLessons,
    now: () => new Date(),
  });
