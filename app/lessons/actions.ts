"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/guards";
import { parseForm } from "@/lib/forms";
import { completionSchema } from "@/lib/progress/service/schemas";
import { progressService } from "@/lib/progress/service/server";
import { type ActionState, failureState, successState } from "@/lib/result";

export type Completion = { completed: boolean };

/** Marks a lesson complete or not; on failure the toggle keeps showing what it showed before. */
export async function setLessonCompletedAction(
  prev: ActionState<Completion>,
  form: FormData,
): Promise<ActionState<Completion>> {
  const unchanged = prev.data ?? { completed: false };
  const input = parseForm(completionSchema, form, {
    message: "That request was not understood; reload the page and try again.",
  });
  if (!input.ok) return { ...input.state, data: unchanged };
  const user = await currentUser();
  if (!user) return failureState("Your session has ended. Sign in again to save your progress.", {}, {}, unchanged);
  const result = await progressService().setCompleted(user.id, input.data.slug, input.data.completed);
  if (!result.ok) return failureState(result.error, {}, {}, unchanged);
  revalidatePath("/");
  revalidatePath("/lessons");
  return successState(null, { completed: result.value.completedAt !== null });
}
