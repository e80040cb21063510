import "server-only";
import { randomBytes } from "node:crypto";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { drillLibrary } from "../../drills/service/server";
import { createClassService } from "./class-service";

export const classService = () =>
  createClassService({
    repos: repositories(),
    library: contentLibrary,
    now: () => new Date(),
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    drillCount: () => drillLibrary().length,
  });
