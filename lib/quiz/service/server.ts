import { randomInt } from "node:crypto";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { createQuizService } from "./quiz-service";

/** The app's quiz service: the process-wide database, the content library and crypto seeds. */
export const quizService = () =>
  createQuizService({
    repos: repositories(),
    library: contentLibrary,
    now: () => new Date(),
    newSeed: () => randomInt(1, 2 ** 31 - 1),
  });
