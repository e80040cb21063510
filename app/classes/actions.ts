"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/guards";
import {
  addAssignmentSchema,
  changeClassTimeZoneSchema,
  changeDueDateSchema,
  createClassSchema,
  joinClassSchema,
  removeAssignmentSchema,
  removeMemberSchema,
} from "@/lib/classes/service/schemas";
import { classService } from "@/lib/classes/service/server";
import { invalidFieldsState, parseForm } from "@/lib/forms";
import { type ActionState, failureState, type Result, successState } from "@/lib/result";

/** A service's refusal as the form's state: beside its field when it names one, else at the top. */
function refusedState(result: Extract<Result<unknown>, { ok: false }>, values: Record<string, string>): ActionState {
  return result.field
    ? invalidFieldsState({ [result.field]: result.error }, values)
    : failureState(result.error, {}, values);
}

export async function createClassAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(createClassSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can create classes.", {}, input.values);
  const result = await classService().createClass(user.id, input.data);
  if (!result.ok) return refusedState(result, input.values);
  redirect(`/teach/classes/${result.value.id}`);
}

export async function addAssignmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(addAssignmentSchema, form);
  if (!input.ok) return input.state;
  const { classId, quiz, dueAt } = input.data;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can assign quizzes.", {}, input.values);
  const result = await classService().addAssignment(user.id, classId, { quiz, dueAt });
  if (!result.ok) return refusedState(result, input.values);
  revalidatePath(`/teach/classes/${classId}`);
  return successState(`Assigned “${result.value.title}”.`);
}

export async function changeDueDateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(changeDueDateSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can change due dates.", {}, input.values);
  const result = await classService().changeDueDate(user.id, input.data.assignmentId, input.data.dueAt);
  if (!result.ok) return refusedState(result, input.values);
  revalidatePath(`/teach/classes/${input.data.classId}`);
  return successState(`“${result.value.title}” has its new due date.`);
}

export async function changeClassTimeZoneAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(changeClassTimeZoneSchema, form);
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR")
    return failureState("Only instructors can change a class's time zone.", {}, input.values);
  const result = await classService().changeTimeZone(user.id, input.data.classId, input.data.timeZone);
  if (!result.ok) return refusedState(result, input.values);
  revalidatePath(`/teach/classes/${input.data.classId}`);
  revalidatePath("/classes");
  const { from, to, moved } = result.value;
  if (from === to) return successState(`The class already takes due dates in ${to}.`);
  const dates =
    moved === 0
      ? "Every due date already read the same there."
      : `${moved === 1 ? "1 due date moved to keep its" : `${moved} due dates moved to keep their`} date and time of day.`;
  return successState(`Due dates are now in ${to} (was ${from}). ${dates}`);
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

export async function removeMemberAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const input = parseForm(removeMemberSchema, form, {
    message: "That learner could not be read; reload the page and try again.",
  });
  if (!input.ok) return input.state;
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return failureState("Only instructors can remove learners.");
  const result = await classService().removeMember(user.id, input.data.classId, input.data.userId);
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
