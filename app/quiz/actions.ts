"use server";

import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/guards";
import type { Reveal } from "@/lib/quiz/service/quiz-service";
import { attemptIdSchema, startQuizSchema, submitAnswerSchema } from "@/lib/quiz/service/schemas";
import { quizService } from "@/lib/quiz/service/server";

export type StartQuizState = { error: string | null };

export async function startQuizAction(_prev: StartQuizState, form: FormData): Promise<StartQuizState> {
  const parsed = startQuizSchema.safeParse({
    scope: form.get("scope"),
    target: form.get("target"),
    feedback: form.get("feedback"),
  });
  if (!parsed.success) return { error: "Choose how you want feedback, then start the quiz." };
  const user = await currentUser();
  if (!user) return { error: "Your session has ended. Sign in again to start a quiz." };
  const result = await quizService().start(user.id, parsed.data.scope, parsed.data.target, parsed.data.feedback);
  if (!result.ok) return { error: result.error };
  redirect(`/quiz/${result.value.attemptId}`);
}

export type SubmitAnswerResult =
  | { ok: true; value: { saved: true; duplicate: boolean } & Partial<Reveal> }
  | { ok: false; error: string };

/** Grades one answer on the server. Input comes from the browser, so it is validated in full. */
export async function submitAnswerAction(input: unknown): Promise<SubmitAnswerResult> {
  const parsed = submitAnswerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That answer could not be read. Reload the page and try again." };
  const user = await currentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again; your earlier answers are saved." };
  const result = await quizService().submit(
    user.id,
    parsed.data.attemptId,
    parsed.data.questionId,
    parsed.data.response,
  );
  return result.ok ? result : { ok: false, error: result.error };
}

export async function finishQuizAction(input: unknown): Promise<{ ok: false; error: string }> {
  const parsed = attemptIdSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "There is no such quiz attempt." };
  const attemptId = parsed.data;
  const user = await currentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again; your answers are saved." };
  const result = await quizService().finish(user.id, attemptId);
  if (!result.ok) return { ok: false, error: result.error };
  redirect(`/quiz/${attemptId}/review`);
}
