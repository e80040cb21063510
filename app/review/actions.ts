"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/guards";
import { repositories } from "@/lib/db/repositories";
import type { ReviewCard } from "@/lib/flashcards/service/flashcard-service";
import { rateCardSchema, srsSettingsSchema } from "@/lib/flashcards/service/schemas";
import { flashcardService } from "@/lib/flashcards/service/server";

export type CardActionResult = { ok: true; card: ReviewCard; applied: boolean } | { ok: false; error: string };

const signedOut = {
  ok: false as const,
  error: "Your session has ended. Sign in again; your reviews so far are saved.",
};

export async function rateCardAction(input: unknown): Promise<CardActionResult> {
  const parsed = rateCardSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "That rating could not be read. Reload the page and try again." };
  const user = await currentUser();
  if (!user) return signedOut;
  const result = await flashcardService().rate(user.id, parsed.data);
  return result.ok ? { ok: true, ...result.value } : result;
}

export async function undoRatingAction(): Promise<CardActionResult> {
  const user = await currentUser();
  if (!user) return signedOut;
  const result = await flashcardService().undo(user.id);
  return result.ok ? { ok: true, card: result.value.card, applied: true } : result;
}

export type SettingsState = {
  ok: boolean;
  message: string | null;
  values: { desiredRetention: string; dailyNewLimit: string };
};

export async function saveSrsSettingsAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  const values = {
    desiredRetention: String(form.get("desiredRetention") ?? ""),
    dailyNewLimit: String(form.get("dailyNewLimit") ?? ""),
  };
  const parsed = srsSettingsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, values };
  const user = await currentUser();
  if (!user) return { ok: false, message: signedOut.error, values };
  await repositories().flashcards.saveSettings(user.id, parsed.data);
  revalidatePath("/review");
  return { ok: true, message: "Settings saved. They apply from your next rating.", values };
}
