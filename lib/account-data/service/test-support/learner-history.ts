import { randomBytes } from "node:crypto";
import path from "node:path";
import { loadContent } from "../../../content/load-content";
import type { Repositories } from "../../../db/repositories";
import { loadDrills } from "../../../drills/core/load-drills";
import type { PredictStep } from "../../../drills/core/types";
import { lessonCards } from "../../../flashcards/core/cards";
import { newCardState, rate } from "../../../flashcards/core/scheduler";
import { answerKey } from "../../../quiz/core/grade";
import { questionPool } from "../../../quiz/core/pool";

// A learner with a row in every table they own, for the data export and account deletion tests.

export const library = loadContent(path.resolve("content"));
export const drills = loadDrills(path.resolve("content")).drills;

/** Gives `userId` lesson progress, a finished quiz with one answer, a flashcard rating, settings and an edited copy, a drill step and a reset link. */
export async function giveHistory(repos: Repositories, userId: string, now: Date, lessonIndex = 0) {
  const lesson = library.lessons[lessonIndex];
  await repos.progress.recordVisit(userId, lesson.slug, now);
  await repos.progress.recordActivity(userId, lesson.slug, { seconds: 90, sectionId: "comparison" }, now);
  await repos.progress.setCompleted(userId, lesson.slug, true, now);

  const [question, unanswered] = questionPool(lesson, 1);
  const attempt = await repos.quizzes.start(
    userId,
    {
      scope: "lesson",
      target: lesson.slug,
      seed: 1,
      feedback: "immediate",
      questionIds: [question.id, unanswered.id],
      questions: [question, unanswered],
      secret: randomBytes(16).toString("base64url"),
    },
    now,
  );
  const response = JSON.stringify(answerKey(question));
  await repos.quizzes.recordAnswer(
    userId,
    attempt.id,
    { questionId: question.id, response, score: 1, correct: true },
    now,
  );
  await repos.quizzes.complete(userId, attempt.id, 0.5, now);

  const card = lessonCards(lesson)[0];
  const next = rate(newCardState(now), "good", now);
  await repos.flashcards.applyRating(
    userId,
    { cardId: card.id, lessonSlug: lesson.slug, expectedVersion: 0, previous: null, next, rating: "good" },
    now,
  );
  await repos.flashcards.saveSettings(userId, { desiredRetention: 0.88, dailyNewLimit: 7 });

  const drill = drills.find((d) => d.steps[0].type === "predict")!;
  const step = drill.steps[0] as PredictStep;
  await repos.drills.recordStep(userId, drill.slug, 0, {
    events: [
      { type: "command", line: "kubectl get pods" },
      { type: "predict", stepId: step.id },
    ],
    results: { [step.id]: { correct: false, choice: 1, at: now.toISOString() } },
    stepStart: 2,
    completedAt: null,
  });

  await repos.ownCards.add(
    userId,
    [{ front: "My own front", back: "My own back", lessonSlug: lesson.slug, source: "typed", sourceRef: null }],
    now,
  );

  await repos.cardOverrides.save(userId, card.id, { front: "My wording", back: "My wording's back" });

  await repos.passwordResets.create({
    userId,
    tokenHash: randomBytes(32).toString("hex"),
    expiresAt: new Date(now.getTime() + 30 * 60_000),
  });
  return { lesson, attemptId: attempt.id, question, card, drill, step };
}
