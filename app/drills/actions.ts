"use server";

import { after } from "next/server";
import { currentUser } from "@/lib/auth/guards";
import type { AlreadyAnswered, PredictionResult, TaskResult } from "@/lib/drills/service/drill-service";
import {
  checkTaskSchema,
  commitPredictionSchema,
  drillSlugSchema,
  LIMIT_MESSAGES,
  saveEventsSchema,
  taskSolutionSchema,
} from "@/lib/drills/service/schemas";
import { drillService } from "@/lib/drills/service/server";
import { ltiScores } from "@/lib/lti/service/server";
import type { Result } from "@/lib/result";

const signedOut = {
  ok: false as const,
  error: "Your session has ended. Sign in again; your drill progress up to your last check is saved.",
};
const unreadable = (issues: { message: string }[]) => ({
  ok: false as const,
  error:
    issues.find((i) => LIMIT_MESSAGES.has(i.message))?.message ??
    "That request could not be read. Reload the page and try again.",
});

export async function saveDrillEventsAction(input: unknown): Promise<Result<null>> {
  const parsed = saveEventsSchema.safeParse(input);
  if (!parsed.success) return unreadable(parsed.error.issues);
  const user = await currentUser();
  if (!user) return signedOut;
  return drillService().saveEvents(user.id, parsed.data.slug, parsed.data.events);
}

export async function commitPredictionAction(input: unknown): Promise<Result<PredictionResult | AlreadyAnswered>> {
  const parsed = commitPredictionSchema.safeParse(input);
  if (!parsed.success) return unreadable(parsed.error.issues);
  const user = await currentUser();
  if (!user) return signedOut;
  const result = await drillService().commitPrediction(
    user.id,
    parsed.data.slug,
    parsed.data.stepId,
    parsed.data.choice,
    parsed.data.events,
  );
  // A step recorded may complete the run: its score then goes to an LMS it was launched from.
  if (result.ok) after(() => ltiScores().afterDrillStep(user, parsed.data.slug));
  return result;
}

export async function checkTaskAction(input: unknown): Promise<Result<TaskResult | AlreadyAnswered>> {
  const parsed = checkTaskSchema.safeParse(input);
  if (!parsed.success) return unreadable(parsed.error.issues);
  const user = await currentUser();
  if (!user) return signedOut;
  const result = await drillService().checkTask(user.id, parsed.data.slug, parsed.data.stepId, parsed.data.events);
  if (result.ok) after(() => ltiScores().afterDrillStep(user, parsed.data.slug));
  return result;
}

export async function taskSolutionAction(input: unknown): Promise<Result<string[]>> {
  const parsed = taskSolutionSchema.safeParse(input);
  if (!parsed.success) return unreadable(parsed.error.issues);
  const user = await currentUser();
  if (!user) return signedOut;
  return drillService().solution(user.id, parsed.data.slug, parsed.data.stepId);
}

export async function resetDrillAction(input: unknown): Promise<Result<null>> {
  const parsed = drillSlugSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "There is no such drill." };
  const slug = parsed.data;
  const user = await currentUser();
  if (!user) return signedOut;
  return drillService().reset(user.id, slug);
}
