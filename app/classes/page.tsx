import type { Metadata } from "next";
import Link from "next/link";
import { JoinClassForm } from "@/components/classes/forms";
import { cardClass } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";
import { classService } from "@/lib/classes/service/server";
import { formatDueDate, formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Classes" };

const STATUS = { "on-time": "Done", late: "Done late", missing: "Missed", open: "To do" } as const;

export default async function ClassesPage() {
  const user = await requireUser("/classes");
  const classes = await classService().learnerClasses(user.id);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900">Your classes</h1>
      {user.role === "INSTRUCTOR" && (
        <p className="mt-2 text-slate-700">
          You teach? Manage your classes on{" "}
          <Link href="/teach" className="text-brand-700 underline">
            Teach
          </Link>
          .
        </p>
      )}
      <p className="mt-2 text-sm text-slate-600">
        Due dates are shown in your time zone, {user.timeZone} (
        <Link href="/account/settings" className="text-brand-700 underline">
          change it
        </Link>
        ). Attempts count for an assignment once you are in the class and it has been assigned.
      </p>
      <div className="mt-6">
        <JoinClassForm />
      </div>
      {classes.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          You are not in a class yet. Ask your instructor for the class code.
        </p>
      ) : (
        classes.map((c) => (
          <section key={c.id} aria-labelledby={`class-${c.id}`} className="mt-6">
            <h2 id={`class-${c.id}`} className="text-xl font-semibold text-slate-900">
              {c.name} <span className="text-sm font-normal text-slate-600">with {c.instructorName}</span>
            </h2>
            {c.assignments.length === 0 ? (
              <p className="mt-2 text-slate-600">No assignments yet.</p>
            ) : (
              <ul className={cardClass("mt-2 divide-y divide-slate-200")}>
                {c.assignments.map((a) => (
                  <li key={a.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between">
                    <span>
                      <Link href={a.href} className="font-medium text-brand-700 hover:underline">
                        {a.title}
                      </Link>{" "}
                      <span className="text-sm text-slate-600">
                        due {formatDueDate(a.dueAt, user.timeZone, c.timeZone)}
                      </span>
                      {a.scope === "review" && (
                        <span className="block text-sm text-slate-600">
                          Done once you have rated every card of the lesson; cards you suspended do not count.
                        </span>
                      )}
                    </span>
                    <span className="text-sm font-medium">
                      {STATUS[a.result.status]}
                      {a.result.score !== null && " · "}
                      {a.result.attemptId && a.result.score !== null && (
                        <Link
                          href={`/quiz/${a.result.attemptId}/review`}
                          className="text-brand-700 underline"
                          aria-label={`best ${formatPercent(a.result.score)}: review that attempt`}
                        >
                          best {formatPercent(a.result.score)}
                        </Link>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </div>
  );
}
