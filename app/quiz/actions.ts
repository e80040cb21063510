"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { currentUser } from "@/lib/auth/guards";
import { parseForm } from "@/lib/forms";
import { ltiScores } from "@/lib/lti/service/server";
import { PRACTICE_CONCEPTS, weakestConcepts } from "@/lib/progress/core/mastery";
import { progressService } from "@/lib/progress/service/server";
import type { SubmitResult } from "@/lib/quiz/service/quiz-service";
import { attemptFormSchema, attemptIdSchema, startQuizSchema, submitAnswerSchema } from "@/lib/quiz/service/schemas";
import { quizService } from "@/lib/quiz/service/server";
import { type ActionState, fail, failureState, ok, type Result } from "@/lib/result";

// Starting a quiz is a form; submitting an answer and finishing are called from the quiz player's
// handlers and answer with a Result.

export async function startQuizAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(startQuizSchema, form, { message: "Choose how you want feedback, then start the quiz." });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState("Your session has ended. Sign in again to start a quiz.", {}, input.values);
  const { scope, target, feedback } = input.data;
  const result = await quizService().start(user.id, scope, target, feedback);
  if (!result.ok) return failureState(result.error, {}, input.values);
  redirect(`/quiz/${result.value.id}`);
}

/** A new attempt over what a finished attempt missed, with feedback after each answer. */
export async function retakeMissedAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(attemptFormSchema, form, { message: "That attempt could not be read. Reload the page." });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState("Your session has ended. Sign in again to retake these questions.");
  const result = await quizService().startRetake(user.id, input.data.attemptId, "immediate");
  if (!result.ok) return failureState(result.error);
  redirect(`/quiz/${result.value.id}`);
}

/** A short practice quiz on the learner's weakest concepts (their mastery decides which), feedback after each answer. */
export async function startPracticeAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return failureState("Your session has ended. Sign in again to practise.");
  const { concepts } = await progressService().mastery(user.id);
  const weakest = weakestConcepts(concepts, PRACTICE_CONCEPTS);
  if (weakest.length === 0) return failureState("There is nothing to practise yet: take a lesson quiz first.");
  const result = await quizService().startPractice(
    user.id,
    weakest.map((c) => ({ lessonSlug: c.lessonSlug, conceptId: c.conceptId })),
  );
  if (!result.ok) return failureState(result.error);
  redirect(`/quiz/${result.value.id}`);
}

export type SubmitAnswerResult = Result<SubmitResult>;

/** Grades one answer on the server. Input comes from the browser, so it is validated in full. */
export async function submitAnswerAction(input: unknown): Promise<SubmitAnswerResult> {
  const parsed = submitAnswerSchema.safeParse(input);
  if (!parsed.success) return fail("That answer could not be read. Reload the page and try again.");
  const user = await currentUser();
  if (!user) return fail("Your session has ended. Sign in again; your earlier answers are saved.");
  const { attemptId, questionId, response } = parsed.data;
  const result = await quizService().submit(user.id, attemptId, questionId, response);
  return result.ok ? ok(result.value) : fail(result.error);
}

/** Finishes the attempt and goes to its review; answers only when it cannot. */
export async function finishQuizAction(input: unknown): Promise<Result<never>> {
  const parsed = attemptIdSchema.safeParse(input);
  if (!parsed.success) return fail("There is no such quiz attempt.");
  const attemptId = parsed.data;
  const user = await currentUser();
  if (!user) return fail("Your session has ended. Sign in again; your answers are saved.");
  const result = await quizService().finish(user.id, attemptId);
  if (!result.ok) return fail(result.error);
  // An attempt on a quiz the learner launched from an LMS sends its score there (AGS), after the answer.
  after(() => ltiScores().afterFinish(user, attemptId));
  redirect(`/quiz/${attemptId}/review`);
}
