import "server-only";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { createProgressService } from "./progress-service";

export const progressService = () =>
  createProgressService({ repos: repositories(), library: contentLibrary, now: () => new Date() });
