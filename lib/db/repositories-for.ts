import { CardOverrideRepository } from "./card-override-repository";
import { ClassRepository } from "./class-repository";
import type { Db } from "./create-db";
import type { DatabaseProvider } from "./database-url";
import { DrillProgressRepository } from "./drill-progress-repository";
import { FlashcardRepository } from "./flashcard-repository";
import { LessonProgressRepository } from "./lesson-progress-repository";
import { LtiRepository } from "./lti-repository";
import { OwnCardRepository } from "./own-card-repository";
import { PasswordResetRepository } from "./password-reset-repository";
import { QuizAttemptRepository } from "./quiz-attempt-repository";
import { UserRepository } from "./user-repository";

// The repositories on a given client, without the server-only marker: scripts and benchmarks
// (tsx) open their own client with ./create-db and use these. The server's are `repositories()`
// in ./repositories, on the process-wide client.

export interface Repositories {
  users: UserRepository;
  passwordResets: PasswordResetRepository;
  progress: LessonProgressRepository;
  quizzes: QuizAttemptRepository;
  flashcards: FlashcardRepository;
  ownCards: OwnCardRepository;
  cardOverrides: CardOverrideRepository;
  drills: DrillProgressRepository;
  classes: ClassRepository;
  lti: LtiRepository;
}

/** `provider` is the database `db` was opened on (`providerOf(url)`): the few statements written per database need it. */
export function repositoriesFor(db: Db, provider: DatabaseProvider): Repositories {
  return {
    users: new UserRepository(db),
    passwordResets: new PasswordResetRepository(db),
    progress: new LessonProgressRepository(db),
    quizzes: new QuizAttemptRepository(db, provider),
    flashcards: new FlashcardRepository(db),
    ownCards: new OwnCardRepository(db),
    cardOverrides: new CardOverrideRepository(db),
    drills: new DrillProgressRepository(db),
    classes: new ClassRepository(db),
    lti: new LtiRepository(db),
  };
}
