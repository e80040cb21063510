import "server-only";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { newAttemptSecret, newAttemptSeed } from "./attempt-secrets";
import { createQuizService } from "./quiz-service";

/** The app's quiz service: the process-wide database, the content library, crypto seeds and secrets. */
export const quizService = () =>
  createQuizService({
    repos: repositories(),
    library: contentLibrary,
    now: () => new Date(),
    newSeed: newAttemptSeed,
    newSecret: newAttemptSecret,
  });
