import type { ContentLibrary } from "../../content/load-content";
import type { AddOwnCardsOutcome, NewOwnCard, OwnCardRecord } from "../../db/own-card-repository";
import type { Repositories } from "../../db/repositories";
import { questionCard, questionCardRef } from "../../quiz/core/question-card";
import { missedQuestions } from "../../quiz/core/retake";
import { fail, ok, type Result } from "../../result";
import { parseCardDeck } from "../core/card-import";
import { OWN_CARD_LIMITS, ownRecordId } from "../core/own-cards";
import type { EditOwnCardInput, NewOwnCardInput } from "./schemas";

// The learner's own flashcards: written on the card page, imported from a CSV or Anki text deck,
// or made from the questions a finished quiz attempt missed. They are reviewed with the lesson
// cards (flashcard-service.ts reads them into its catalogue).

export interface OwnCardServiceDeps {
  repos: Repositories;
  library: () => ContentLibrary;
  now: () => Date;
}

export interface AddedCards {
  added: number;
  /** Already among the learner's cards (the same question, or the same front and back). */
  skipped: number;
}

const FULL = (room: number) =>
  `You can keep at most ${OWN_CARD_LIMITS.perLearner} cards of your own; there is room for ${room} more. Delete some first.`;

export function createOwnCardService(deps: OwnCardServiceDeps) {
  const lessonProblem = (slug: string) =>
    slug === "" || deps.library().lessons.some((l) => l.slug === slug) ? null : "Choose a lesson from the list.";

  async function add(userId: string, cards: NewOwnCard[]): Promise<Result<AddedCards>> {
    const outcome: AddOwnCardsOutcome = await deps.repos.ownCards.add(userId, cards, deps.now());
    if (outcome.kind === "full") return fail(FULL(outcome.room));
    return ok({ added: outcome.added.length, skipped: outcome.skipped });
  }

  return {
    list: (userId: string): Promise<OwnCardRecord[]> => deps.repos.ownCards.list(userId),

    async create(userId: string, input: NewOwnCardInput): Promise<Result<AddedCards>> {
      const problem = lessonProblem(input.lesson);
      if (problem) return fail(problem, "lesson");
      const { front, back } = input;
      return add(userId, [{ front, back, lessonSlug: input.lesson || null, source: "typed", sourceRef: null }]);
    },

    /** All or nothing: a file with any unreadable line adds no card and says which lines. */
    async importDeck(userId: string, text: string, lesson: string): Promise<Result<AddedCards>> {
      const problem = lessonProblem(lesson);
      if (problem) return fail(problem, "lesson");
      const parsed = parseCardDeck(text);
      if (!parsed.ok) return fail(parsed.problems.join(" "), "file");
      return add(
        userId,
        parsed.cards.map((c) => ({ ...c, lessonSlug: lesson || null, source: "import", sourceRef: null })),
      );
    },

    /** A card for each question the attempt did not get fully right; questions added before are skipped. */
    async addMissedQuestions(userId: string, attemptId: string): Promise<Result<AddedCards>> {
      const attempt = await deps.repos.quizzes.find(userId, attemptId);
      if (!attempt?.questions) return fail("There is no such quiz attempt.");
      if (!attempt.completedAt) return fail("Finish the quiz first; then its missed questions can become cards.");
      const missed = missedQuestions(
        attempt.questions.map((question) => ({
          question,
          score: attempt.answers.find((a) => a.questionId === question.id)?.score ?? null,
        })),
      );
      if (missed.length === 0) return fail("You got every question right: there is nothing to add.");
      return add(
        userId,
        missed.map((q) => ({
          ...questionCard(q),
          lessonSlug: q.lessonSlug,
          source: "missed-question",
          sourceRef: questionCardRef(q),
        })),
      );
    },

    async edit(userId: string, input: EditOwnCardInput): Promise<Result<OwnCardRecord>> {
      const updated = await deps.repos.ownCards.update(userId, ownRecordId(input.cardId), {
        front: input.front,
        back: input.back,
      });
      return updated ? ok(updated) : fail("That card is not one of yours any more; reload the page.");
    },

    async remove(userId: string, cardId: string): Promise<Result<null>> {
      return (await deps.repos.ownCards.remove(userId, ownRecordId(cardId)))
        ? ok(null)
        : fail("That card is not one of yours any more; reload the page.");
    },
  };
}

export type OwnCardService = ReturnType<typeof createOwnCardService>;
