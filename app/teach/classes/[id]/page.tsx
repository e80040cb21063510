import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { removeAssignmentAction } from "@/app/classes/actions";
import { AssignQuizForm } from "@/components/classes/forms";
import { formatWhen, percent } from "@/components/classes/when";
import { requireInstructor } from "@/lib/auth/guards";
import type { ResultCell } from "@/lib/classes/core/results";
import { classService } from "@/lib/classes/service/server";

export const metadata: Metadata = { title: "Class" };

const CELL: Record<ResultCell["status"], string> = {
  "on-time": "text-emerald-800",
  late: "text-amber-800",
  missing: "text-red-700",
  open: "text-slate-500",
};
const cellText = (c: ResultCell) =>
  c.status === "on-time"
    ? percent(c.score)
    : c.status === "late"
      ? `${percent(c.score)} (late)`
      : c.status === "missing"
        ? "missing"
        : "not yet";

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireInstructor(`/teach/classes/${id}`);
  const service = classService();
  const cls = await service.classDetail(user.id, id);
  if (!cls) notFound();
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

      <section aria-labelledby="assign" className="mt-8">
        <h2 id="assign" className="text-xl font-semibold text-slate-900">
          Assign a quiz
        </h2>
        <div className="mt-3">
          <AssignQuizForm classId={cls.id} choices={service.quizChoices()} />
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
          <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">
                Best score per learner and assignment; late means finished after the due date
              </caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Learner
                  </th>
                  {cls.assignments.map((a) => (
                    <th key={a.id} scope="col" className="px-3 py-2">
                      {a.title}
                      <span className="block text-xs font-normal text-slate-600">due {formatWhen(a.dueAt)}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {cls.members.map((m) => (
                  <tr key={m.userId} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {m.name}
                      <span className="block text-xs font-normal text-slate-600">{m.email}</span>
                    </th>
                    {cls.assignments.map((a) => {
                      const c = cls.results.cells[m.userId][a.id];
                      return (
                        <td key={a.id} className={`px-3 py-2 ${CELL[c.status]}`}>
                          {cellText(c)}
                          {c.attempts > 1 && (
                            <span className="block text-xs text-slate-500">{c.attempts} attempts</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t-2 border-slate-300 bg-slate-50">
                <tr>
                  <th scope="row" className="px-3 py-2">
                    Class
                  </th>
                  {cls.assignments.map((a) => {
                    const s = cls.results.summary[a.id];
                    return (
                      <td key={a.id} className="px-3 py-2">
                        average {percent(s.average)} · {s.onTime} on time · {s.late} late · {s.missing} missing
                      </td>
                    );
                  })}
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="progress" className="mt-8">
        <h2 id="progress" className="text-xl font-semibold text-slate-900">
          Learner progress
        </h2>
        {cls.progress.length === 0 ? (
          <p className="mt-2 text-slate-600">Nobody has joined yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Learner
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Lessons completed
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Drills completed
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Flashcard reviews (7 days)
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Last active
                  </th>
                </tr>
              </thead>
              <tbody>
                {cls.progress.map((p) => (
                  <tr key={p.userId} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {cls.members.find((m) => m.userId === p.userId)?.name}
                    </th>
                    <td className="px-3 py-2">
                      {p.lessonsCompleted} / {cls.totals.lessons}
                    </td>
                    <td className="px-3 py-2">
                      {p.drillsCompleted} / {cls.totals.drills}
                    </td>
                    <td className="px-3 py-2">{p.reviews}</td>
                    <td className="px-3 py-2">{p.lastActive ? formatWhen(p.lastActive) : "never"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="assignments" className="mt-8">
        <h2 id="assignments" className="text-xl font-semibold text-slate-900">
          Assignments
        </h2>
        {cls.assignments.length === 0 ? (
          <p className="mt-2 text-slate-600">None yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {cls.assignments.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-3 p-3">
                <span>
                  {a.title} <span className="text-sm text-slate-600">due {formatWhen(a.dueAt)}</span>
                </span>
                <form action={removeAssignmentAction}>
                  <input type="hidden" name="assignmentId" value={a.id} />
                  <input type="hidden" name="classId" value={cls.id} />
                  <button
                    type="submit"
                    className="rounded border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
                    aria-label={`Remove ${a.title}`}
                  >
                    Remove
                  </button>
                </form>
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
          <ul className="mt-2 list-disc pl-6 text-slate-800">
            {cls.members.map((m) => (
              <li key={m.userId}>
                {m.name}{" "}
                <span className="text-sm text-slate-600">
                  ({m.email}, joined {formatWhen(m.joinedAt)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
