"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/guards";
import {
  DECK_FILE_MAX_BYTES,
  deckFileTooLarge,
  deleteOwnCardSchema,
  editOwnCardSchema,
  importDeckSchema,
  newOwnCardSchema,
} from "@/lib/flashcards/service/schemas";
import { ownCardService } from "@/lib/flashcards/service/server";
import { parseForm } from "@/lib/forms";
import { attemptFormSchema } from "@/lib/quiz/service/schemas";
import { type ActionState, failureState, successState } from "@/lib/result";

const SIGNED_OUT = "Your session has ended. Sign in again; nothing was changed.";
const CARDS_PAGE = "/review/cards";

const addedMessage = ({ added, skipped }: { added: number; skipped: number }, what: string) => {
  const cards = (n: number) => `${n} card${n === 1 ? "" : "s"}`;
  if (added === 0) return `Nothing new: you already have ${skipped === 1 ? "that card" : `these ${cards(skipped)}`}.`;
  return `${what} ${cards(added)}${skipped > 0 ? ` (${skipped} you already had left out)` : ""}.`;
};

export async function addOwnCardAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(newOwnCardSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT, {}, input.values);
  const result = await ownCardService().create(user.id, input.data);
  if (!result.ok) return failureState(result.error, result.field ? { [result.field]: result.error } : {}, input.values);
  revalidatePath(CARDS_PAGE);
  return successState(addedMessage(result.value, "Added"));
}

/** A CSV or Anki text file, read whole on the server (at most DECK_FILE_MAX_BYTES); all its cards or none. */
export async function importDeckAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(importDeckSchema, form);
  if (!input.ok) return input.state;
  const file = form.get("file");
  const fileError = (message: string) => failureState(message, { file: message }, input.values);
  if (!(file instanceof File) || file.size === 0) return fileError("Choose a .csv or .txt file of cards.");
  if (file.size > DECK_FILE_MAX_BYTES) return fileError(deckFileTooLarge(file.size));
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT, {}, input.values);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await file.arrayBuffer());
  const result = await ownCardService().importDeck(user.id, text, input.data.lesson);
  if (!result.ok) return failureState(result.error, result.field ? { [result.field]: result.error } : {}, input.values);
  revalidatePath(CARDS_PAGE);
  return successState(addedMessage(result.value, `Imported`));
}

export async function editOwnCardAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(editOwnCardSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT, {}, input.values);
  const result = await ownCardService().edit(user.id, input.data);
  if (!result.ok) return failureState(result.error, {}, input.values);
  revalidatePath(CARDS_PAGE);
  return successState("Card saved.");
}

export async function deleteOwnCardAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(deleteOwnCardSchema, form, { message: "That card could not be read; reload the page." });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT);
  const result = await ownCardService().remove(user.id, input.data.cardId);
  revalidatePath(CARDS_PAGE);
  return result.ok ? successState(null) : failureState(result.error);
}

/** From a quiz review: each question the attempt missed becomes one of the learner's cards. */
export async function addMissedToCardsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(attemptFormSchema, form, { message: "That attempt could not be read; reload the page." });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT);
  const result = await ownCardService().addMissedQuestions(user.id, input.data.attemptId);
  if (!result.ok) return failureState(result.error);
  revalidatePath(CARDS_PAGE);
  return successState(addedMessage(result.value, "Added to your flashcards:"));
}
