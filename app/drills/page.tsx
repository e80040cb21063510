import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/guards";
import { findLesson } from "@/lib/content/library";
import { drillLibrary, drillService } from "@/lib/drills/service/server";

export const metadata: Metadata = { title: "Drills" };

export default async function DrillsPage() {
  const drills = drillLibrary();
  const user = await currentUser();
  const statuses = user ? await drillService().statuses(user.id) : new Map();
  const lessons = [...new Set(drills.map((d) => d.lesson))];
  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900">Drills</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Each drill gives you your own simulated cluster and a terminal. Predict what a change will do, commit to it,
        then watch it happen; tasks ask you to change the cluster until a check passes.
        {!user && (
          <>
            {" "}
            <Link href="/signin?callbackUrl=/drills" className="text-brand-700 underline">
              Sign in
            </Link>{" "}
            to start.
          </>
        )}
      </p>
      {drills.length === 0 && (
        <p className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No drills are published yet.
        </p>
      )}
      {lessons.map((slug) => (
        <section key={slug} aria-labelledby={`drills-${slug}`} className="mt-8">
          <h2 id={`drills-${slug}`} className="text-xl font-semibold text-slate-900">
            {findLesson(slug)?.title ?? slug}
          </h2>
          <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {drills
              .filter((d) => d.lesson === slug)
              .map((d) => {
                const s = statuses.get(d.slug);
                return (
                  <li key={d.slug} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
                    <div>
                      <Link href={`/drills/${d.slug}`} className="font-medium text-brand-700 hover:underline">
                        {d.title}
                      </Link>
                      <p className="text-sm text-slate-600">{d.summary}</p>
                    </div>
                    {s && (
                      <span className={`text-sm font-medium ${s.completed ? "text-emerald-800" : "text-slate-700"}`}>
                        {s.completed ? "Completed" : `${s.done} of ${s.total} steps`}
                      </span>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
