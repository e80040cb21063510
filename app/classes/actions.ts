"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/guards";
import {
  addAssignmentSchema,
  createClassSchema,
  joinClassSchema,
  parseLocalDateTime,
  removeAssignmentSchema,
} from "@/lib/classes/service/schemas";
import { classService } from "@/lib/classes/service/server";
import { invalidFieldsState, parseForm } from "@/lib/forms";
import { type ActionState, failureState, successState } from "@/lib/result";

export async function createClassAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(createClassSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can create classes.", {}, input.values);
  const result = await classService().createClass(user.id, input.data.name);
  if (!result.ok) return failureState(result.error, {}, input.values);
  redirect(`/teach/classes/${result.value.id}`);
}

export async function addAssignmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(addAssignmentSchema, form);
  if (!input.ok) return input.state;
  const { classId, quiz, dueAt: localDueAt, tzOffsetMinutes } = input.data;
  const dueAt = parseLocalDateTime(localDueAt, tzOffsetMinutes);
  if (!dueAt) return invalidFieldsState({ dueAt: "Pick a due date and time." }, input.values);
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can assign quizzes.", {}, input.values);
  const result = await classService().addAssignment(user.id, classId, { quiz, dueAt });
  if (!result.ok) return failureState(result.error, {}, input.values);
  revalidatePath(`/teach/classes/${classId}`);
  return successState(`Assigned “${result.value.title}”.`);
}

export async function removeAssignmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(removeAssignmentSchema, form, {
    message: "That assignment could not be read; reload the page and try again.",
  });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can remove assignments.");
  const result = await classService().removeAssignment(user.id, input.data.assignmentId);
  revalidatePath(`/teach/classes/${input.data.classId}`);
  return result.ok ? successState(null) : failureState(result.error);
}

export async function joinClassAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(joinClassSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (!user) return failureState("Sign in to join a class.", {}, input.values);
  const result = await classService().join(user.id, input.data.code);
  if (!result.ok) return failureState(result.error, {}, input.values);
  revalidatePath("/classes");
  return successState(`You joined ${result.value.name}.`);
}
