"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/guards";
import { invalidFieldsState, parseForm } from "@/lib/forms";
import { platformSchema, removePlatformSchema, retryScoreSchema } from "@/lib/lti/service/registration-service";
import { ltiRegistrations, ltiScores } from "@/lib/lti/service/server";
import { type ActionState, failureState, successState } from "@/lib/result";

export async function registerPlatformAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(platformSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can register platforms.", {}, input.values);
  const result = await ltiRegistrations().register(user.id, input.data);
  if (!result.ok)
    return result.field
      ? invalidFieldsState({ [result.field]: result.error }, input.values)
      : failureState(result.error, {}, input.values);
  revalidatePath("/teach/lti");
  return successState(`Registered “${result.value.name}”.`);
}

export async function removePlatformAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(removePlatformSchema, form, {
    message: "That registration could not be read; reload the page.",
  });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can delete registrations.");
  const result = await ltiRegistrations().remove(user.id, input.data.platformId);
  revalidatePath("/teach/lti");
  return result.ok ? successState(null) : failureState(result.error);
}

const RETRY_OUTCOMES = {
  sent: "Sent to the grade book.",
  failed: "The platform refused it again; see the error. It will be tried again later.",
  nothing: "Another try of this score is under way; reload in a moment.",
} as const;

/** Sends one of the instructor's own outbox rows now (a given-up one gets one more try). */
export async function retryScoreAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(retryScoreSchema, form, { message: "That score could not be read; reload the page." });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can retry grade passback.");
  const outcome = await ltiScores().retryNow(user.id, input.data.scoreSendId);
  revalidatePath("/teach/lti");
  if (outcome === null) return failureState("That score was sent already, or is not one of your registrations'.");
  return outcome === "failed" ? failureState(RETRY_OUTCOMES.failed) : successState(RETRY_OUTCOMES[outcome]);
}
