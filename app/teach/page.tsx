import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { CreateClassForm } from "@/components/classes/forms";
import { type ExportChoice, QuestionExportLinks } from "@/components/classes/question-export-links";
import { cardClass } from "@/components/ui/card";
import { requireInstructor } from "@/lib/auth/guards";
import { classService } from "@/lib/classes/service/server";
import { formatDateTime } from "@/lib/format";
import type { QuizScope } from "@/lib/quiz/core/attempt";
import { timeZoneChoices } from "@/lib/time-zones";

export const metadata: Metadata = { title: "Teach" };

export default async function TeachPage() {
  const user = await requireInstructor("/teach");
  const service = classService();
  // The quizzes a class can be assigned ("lesson:slug", "module:id", "course:course"), as pools to export.
  const exports: ExportChoice[] = service
    .assignmentChoices()
    .filter((c) => c.group === "Quizzes")
    .map((c) => {
      const [scope, target] = c.value.split(":") as [QuizScope, string];
      return { scope, target, label: c.label };
    });
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold text-slate-900">Your classes</h1>
      <p className="mt-2 text-slate-700">
        Create a class, share its code with your learners, assign quizzes with due dates and follow the results.
      </p>
      <div className="mt-6">
        <CreateClassForm timeZone={user.timeZone} zones={timeZoneChoices(user.timeZone)} />
      </div>
      <Suspense
        fallback={
          <div
            className="mt-6 h-24 animate-pulse rounded-lg bg-slate-100 motion-reduce:animate-none"
            aria-hidden="true"
          />
        }
      >
        <ClassList instructorId={user.id} timeZone={user.timeZone} />
      </Suspense>
      <section aria-labelledby="export-questions" className="mt-10">
        <h2 id="export-questions" className="text-xl font-semibold text-slate-900">
          Export questions for Moodle
        </h2>
        <p className="mt-2 text-slate-700">
          Download a quiz's whole question pool, with answers, feedback and the misconception each wrong option tests,
          to import into a Moodle question bank (Question bank, Import). GIFT leaves out ordering questions; Moodle XML
          keeps them (Moodle 4.4 or later).
        </p>
        <QuestionExportLinks choices={exports} />
      </section>
      <section aria-labelledby="lti" className="mt-10">
        <h2 id="lti" className="text-xl font-semibold text-slate-900">
          Use kubelearn from your LMS
        </h2>
        <p className="mt-2 text-slate-700">
          Register Moodle or another LTI 1.3 platform to place quizzes and drills in a course and get scores back in its
          grade book.{" "}
          <Link href="/teach/lti" className="font-medium text-brand-700 hover:underline">
            Set up LTI 1.3
          </Link>
        </p>
      </section>
    </div>
  );
}

/** The instructor's classes, streamed in after the page's heading and forms. */
async function ClassList({ instructorId, timeZone }: { instructorId: string; timeZone: string }) {
  const classes = await classService().instructorClasses(instructorId);
  return (
    <>
      {classes.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No classes yet. Create your first one above.
        </p>
      ) : (
        <ul className={cardClass("mt-6 divide-y divide-slate-200")}>
          {classes.map((c) => (
            <li key={c.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <Link href={`/teach/classes/${c.id}`} className="font-medium text-brand-700 hover:underline">
                  {c.name}
                </Link>
                <p className="text-sm text-slate-600">
                  Code {c.joinCode} · due dates in {c.timeZone} · created {formatDateTime(c.createdAt, timeZone)}
                </p>
              </div>
              <p className="text-sm text-slate-700">
                {c.memberCount} learner{c.memberCount === 1 ? "" : "s"} · {c.assignmentCount} assignment
                {c.assignmentCount === 1 ? "" : "s"}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
