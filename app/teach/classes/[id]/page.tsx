import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AtRiskList } from "@/components/classes/at-risk-list";
import {
  AssignQuizForm,
  ChangeDueDateForm,
  ClassTimeZoneForm,
  RemoveAssignmentForm,
  RemoveMemberForm,
} from "@/components/classes/forms";
import { ProgressTable } from "@/components/classes/progress-table";
import { ResultsTable } from "@/components/classes/results-table";
import { cardClass } from "@/components/ui/card";
import { requireInstructor } from "@/lib/auth/guards";
import { QUIET_DAYS_AT_RISK } from "@/lib/classes/core/at-risk";
import { classService } from "@/lib/classes/service/server";
import { formatDateTime, formatDateTimeLocal, formatDueDate, formatTimeZone } from "@/lib/format";
import { timeZoneChoices } from "@/lib/time-zones";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireInstructor(`/teach/classes/${id}`);
  const service = classService();
  const cls = await service.classDetail(user.id, id);
  if (!cls) notFound();
  // Every time on this page reads in the viewer's zone; due dates are typed in the class's.
  const zone = user.timeZone;
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm text-slate-600">
        <Link href="/teach" className="hover:text-brand-700">
          Your classes
        </Link>
      </p>
      <h1 className="text-3xl font-bold text-slate-900">{cls.name}</h1>
      <p className="mt-2 text-slate-700">
        Learners join at{" "}
        <Link href="/classes" className="text-brand-700 underline">
          /classes
        </Link>{" "}
        with the code{" "}
        <strong className="font-mono text-lg" data-testid="join-code">
          {cls.joinCode}
        </strong>
        .
      </p>
      <p className="mt-1 text-sm text-slate-600">
        Due dates are typed in the class's time zone, {formatTimeZone(cls.timeZone, new Date())}; times on this page are
        shown in yours, {zone}.
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-brand-700">Change the class's time zone</summary>
        <div className="mt-2">
          <ClassTimeZoneForm classId={cls.id} timeZone={cls.timeZone} zones={timeZoneChoices(cls.timeZone)} />
        </div>
      </details>
      <p className="mt-2">
        <Link href={`/teach/classes/${cls.id}/insights`} className="text-brand-700 underline">
          Insights: mastery per concept, item analysis and misconceptions
        </Link>
      </p>

      <section aria-labelledby="assign" className="mt-8">
        <h2 id="assign" className="text-xl font-semibold text-slate-900">
          Assign a quiz, a drill or flashcards
        </h2>
        <div className="mt-3">
          <AssignQuizForm classId={cls.id} timeZone={cls.timeZone} choices={service.assignmentChoices()} />
        </div>
      </section>

      <section aria-labelledby="results" className="mt-8">
        <h2 id="results" className="text-xl font-semibold text-slate-900">
          Results
        </h2>
        {cls.members.length === 0 || cls.assignments.length === 0 ? (
          <p className="mt-2 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">
            {cls.members.length === 0 ? "No learners have joined yet. Share the code above." : "No assignments yet."}
          </p>
        ) : (
          <>
            <ResultsTable cls={cls} timeZone={zone} />
            <p className="mt-2">
              <a href={`/teach/classes/${cls.id}/results.csv`} download className="text-brand-700 underline">
                Download the results (CSV)
              </a>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="at-risk" className="mt-8">
        <h2 id="at-risk" className="text-xl font-semibold text-slate-900">
          Learners at risk
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Overdue work not done, or {QUIET_DAYS_AT_RISK} whole days in the class's time zone without a quiz answer,
          flashcard rating or drill step.
        </p>
        {cls.members.length === 0 ? (
          <p className="mt-2 text-slate-600">Nobody has joined yet.</p>
        ) : (
          <AtRiskList cls={cls} timeZone={zone} />
        )}
      </section>

      <section aria-labelledby="progress" className="mt-8">
        <h2 id="progress" className="text-xl font-semibold text-slate-900">
          Learner progress
        </h2>
        {cls.progress.length === 0 ? (
          <p className="mt-2 text-slate-600">Nobody has joined yet.</p>
        ) : (
          <ProgressTable cls={cls} timeZone={zone} />
        )}
      </section>

      <section aria-labelledby="assignments" className="mt-8">
        <h2 id="assignments" className="text-xl font-semibold text-slate-900">
          Assignments
        </h2>
        {cls.assignments.length === 0 ? (
          <p className="mt-2 text-slate-600">None yet.</p>
        ) : (
          <ul className={cardClass("mt-2 divide-y divide-slate-200")}>
            {cls.assignments.map((a) => (
              <li key={a.id} className="p-3">
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <span>
                    {a.title}{" "}
                    <span className="text-sm text-slate-600">due {formatDueDate(a.dueAt, zone, cls.timeZone)}</span>
                  </span>
                  <RemoveAssignmentForm classId={cls.id} assignmentId={a.id} title={a.title} />
                </div>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-brand-700">
                    Change due date<span className="sr-only"> of {a.title}</span>
                  </summary>
                  <div className="mt-2">
                    <ChangeDueDateForm
                      classId={cls.id}
                      assignmentId={a.id}
                      title={a.title}
                      dueAtLocal={formatDateTimeLocal(a.dueAt, cls.timeZone)}
                      timeZone={cls.timeZone}
                    />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members" className="mt-8">
        <h2 id="members" className="text-xl font-semibold text-slate-900">
          Learners ({cls.members.length})
        </h2>
        {cls.members.length === 0 ? (
          <p className="mt-2 text-slate-600">Nobody has joined yet.</p>
        ) : (
          <ul className={cardClass("mt-2 divide-y divide-slate-200 text-slate-800")}>
            {cls.members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <span>
                  {m.name}{" "}
                  <span className="text-sm text-slate-600">
                    ({m.email}, joined {formatDateTime(m.joinedAt, zone)})
                  </span>
                </span>
                <RemoveMemberForm classId={cls.id} userId={m.userId} name={m.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
