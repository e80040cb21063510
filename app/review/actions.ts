"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/guards";
import type { ReviewCard } from "@/lib/flashcards/service/flashcard-service";
import { rateCardSchema, srsSettingsSchema } from "@/lib/flashcards/service/schemas";
import { flashcardService } from "@/lib/flashcards/service/server";
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
