"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "@/lib/auth/guards";
import { progressService } from "@/lib/progress/service/server";

export type CompletionState = { ok: true; completed: boolean } | { ok: false; error: string; completed: boolean };

const completionSchema = z.object({
  slug: z.string().min(1).max(120),
  completed: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export async function setLessonCompletedAction(prev: CompletionState, form: FormData): Promise<CompletionState> {
  const parsed = completionSchema.safeParse({ slug: form.get("slug"), completed: form.get("completed") });
  if (!parsed.success)
    return {
      ok: false,
      error: "That request was not understood; reload the page and try again.",
      completed: prev.completed,
    };
  const user = await currentUser();
  if (!user)
    return {
      ok: false,
      error: "Your session has ended. Sign in again to save your progress.",
      completed: prev.completed,
    };
  const result = await progressService().setCompleted(user.id, parsed.data.slug, parsed.data.completed);
  if (!result.ok) return { ok: false, error: result.error, completed: prev.completed };
  const record = result.value;
  revalidatePath("/");
  revalidatePath("/lessons");
  return { ok: true, completed: record.completedAt !== null };
}
