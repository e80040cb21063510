"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/guards";
import {
  addAssignmentSchema,
  createClassSchema,
  joinClassSchema,
  parseLocalDateTime,
} from "@/lib/classes/service/schemas";
import { classService } from "@/lib/classes/service/server";
import { repositories } from "@/lib/db/repositories";

export type FormState = { ok: boolean; message: string | null };
const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function createClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = createClassSchema.safeParse({ name: field(form, "name") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return { ok: false, message: "Only instructors can create classes." };
  const result = await classService().createClass(user.id, parsed.data.name);
  if (!result.ok) return { ok: false, message: result.error };
  redirect(`/teach/classes/${result.value.id}`);
}

export async function addAssignmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = addAssignmentSchema.safeParse({
    classId: field(form, "classId"),
    quiz: field(form, "quiz"),
    dueAt: field(form, "dueAt"),
    tzOffsetMinutes: field(form, "tzOffsetMinutes") || "0",
  });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const dueAt = parseLocalDateTime(parsed.data.dueAt, parsed.data.tzOffsetMinutes);
  if (!dueAt) return { ok: false, message: "Pick a due date and time." };
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR") return { ok: false, message: "Only instructors can assign quizzes." };
  const result = await classService().addAssignment(user.id, parsed.data.classId, { quiz: parsed.data.quiz, dueAt });
  if (!result.ok) return { ok: false, message: result.error };
  revalidatePath(`/teach/classes/${parsed.data.classId}`);
  return { ok: true, message: `Assigned “${result.value.title}”.` };
}

export async function removeAssignmentAction(form: FormData): Promise<void> {
  const id = field(form, "assignmentId");
  const classId = field(form, "classId");
  const user = await currentUser();
  if (user?.role !== "INSTRUCTOR" || id.length > 64 || classId.length > 64) return;
  await repositories().classes.removeAssignment(user.id, id);
  revalidatePath(`/teach/classes/${classId}`);
}

export async function joinClassAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = joinClassSchema.safeParse({ code: field(form, "code") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  const user = await currentUser();
  if (!user) return { ok: false, message: "Sign in to join a class." };
  const result = await classService().join(user.id, parsed.data.code);
  if (!result.ok) return { ok: false, message: result.error };
  revalidatePath("/classes");
  return { ok: true, message: `You joined ${result.value.name}.` };
}
