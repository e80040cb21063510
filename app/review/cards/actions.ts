"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/guards";
import { DECK_FILE_MAX_BYTES, deckFileTooLarge } from "@/lib/flashcards/core/own-cards";
import {
  cardCopySchema,
  deleteOwnCardSchema,
  editOwnCardSchema,
  importDeckSchema,
  newOwnCardSchema,
  resetCardCopySchema,
  suspendCardSchema,
} from "@/lib/flashcards/service/schemas";
import { cardBrowser, ownCardService } from "@/lib/flashcards/service/server";
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

/** After a change to a card: the browser shows it, and the review page's counts and cards follow it. */
function revalidateCards() {
  revalidatePath(CARDS_PAGE);
  revalidatePath("/review");
}

/** Suspend (never due in a session) or unsuspend any card; its schedule is kept either way. */
export async function suspendCardAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(suspendCardSchema, form, { message: "That card could not be read; reload the page." });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT);
  const result = await cardBrowser().setSuspended(user.id, input.data.cardId, input.data.suspended);
  if (!result.ok) return failureState(result.error);
  revalidateCards();
  return successState(
    result.value.suspended
      ? "Suspended: it will not come up in reviews until you unsuspend it."
      : "Unsuspended: it is back on its schedule.",
  );
}

/** The learner's own wording of a lesson card; the card keeps its schedule. */
export async function saveCardCopyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(cardCopySchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT, {}, input.values);
  const result = await cardBrowser().saveCopy(user.id, input.data);
  if (!result.ok) return failureState(result.error, {}, input.values);
  revalidateCards();
  return successState("Your copy is saved; reviews show it from now on.");
}

export async function resetCardCopyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(resetCardCopySchema, form, { message: "That card could not be read; reload the page." });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState(SIGNED_OUT);
  const result = await cardBrowser().resetCopy(user.id, input.data.cardId);
  revalidateCards();
  return result.ok ? successState("Back to the lesson's text.") : failureState(result.error);
}
