"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/guards";
import type { ReviewCard } from "@/lib/flashcards/service/flashcard-service";
import type { OptimisationReport } from "@/lib/flashcards/service/fsrs-parameters-service";
import {
  optimiseParametersSchema,
  rateCardSchema,
  resetParametersSchema,
  srsSettingsSchema,
} from "@/lib/flashcards/service/schemas";
import { flashcardService, fsrsParametersService } from "@/lib/flashcards/service/server";
import { parseForm } from "@/lib/forms";
import { type ActionState, fail, failureState, type Result, successState } from "@/lib/result";

// Rating and undo are called from the review page's keyboard handlers, not submitted as forms, so
// they answer with the service's Result; the settings form answers with an ActionState.

const SIGNED_OUT = "Your session has ended. Sign in again; your reviews so far are saved.";

export async function rateCardAction(input: unknown): Promise<Result<{ card: ReviewCard; applied: boolean }>> {
  const parsed = rateCardSchema.safeParse(input);
  if (!parsed.success) return fail("That rating could not be read. Reload the page and try again.");
  const user = await currentUser();
  if (!user) return fail(SIGNED_OUT);
  return flashcardService().rate(user.id, parsed.data);
}

export async function undoRatingAction(): Promise<Result<{ card: ReviewCard }>> {
  const user = await currentUser();
  if (!user) return fail(SIGNED_OUT);
  return flashcardService().undo(user.id);
}

export async function saveSrsSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(srsSettingsSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT, {}, input.values);
  await flashcardService().saveSettings(user.id, input.data);
  revalidatePath("/review");
  // The inputs keep showing what was saved.
  return { ...successState("Settings saved. They apply from your next rating."), values: input.values };
}

/** Fits FSRS weights to the learner's own log; the report says how the old and new ones did. */
export async function optimiseParametersAction(
  _prev: ActionState<OptimisationReport>,
  form: FormData,
): Promise<ActionState<OptimisationReport>> {
  const input = parseForm(optimiseParametersSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT);
  const result = await fsrsParametersService().optimise(user);
  if (!result.ok) return failureState(result.error);
  revalidatePath("/review");
  revalidatePath("/review/stats");
  return successState(
    result.value.saved
      ? "Your new parameters predict your reviews better: they schedule your cards from your next rating."
      : "The new parameters did not predict your reviews better, so your cards keep their current parameters.",
    result.value,
  );
}

export async function resetParametersAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(resetParametersSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT);
  const result = await fsrsParametersService().reset(user.id);
  if (!result.ok) return failureState(result.error);
  revalidatePath("/review");
  revalidatePath("/review/stats");
  return successState("Back to the default FSRS parameters from your next rating.");
}
