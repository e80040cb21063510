import "server-only";
import { randomBytes } from "node:crypto";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { drillLessons, drillLibrary } from "../../drills/service/server";
import { createClassInsights } from "./class-insights";
import { createClassService } from "./class-service";

export const classService = () =>
  createClassService({
    repos: repositories(),
    library: contentLibrary,
    now: () => new Date(),
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    drills: drillLibrary,
  });

export const classInsights = () =>
  createClassInsights({ repos: repositories(), library: contentLibrary, drillLessons, now: () => new Date() });
