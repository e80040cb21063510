import "server-only";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { newAttemptSecret, newAttemptSeed } from "./attempt-secrets";
import { createPoolCache } from "./pool-cache";
import { createQuizService } from "./quiz-service";

// One cache of lesson pools per process (and per dev-server reload).
const globalForQuiz = globalThis as unknown as { kubelearnPools?: ReturnType<typeof createPoolCache> };

/** The app's quiz service: the process-wide database, the content library, crypto seeds and secrets, the pool cache. */
export const quizService = () => {
  globalForQuiz.kubelearnPools ??= createPoolCache();
  return createQuizService({
    repos: repositories(),
    library: contentLibrary,
    now: () => new Date(),
    newSeed: newAttemptSeed,
    newSecret: newAttemptSecret,
    pools: globalForQuiz.kubelearnPools,
  });
};
