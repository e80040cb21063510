import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ItemAnalysisTable } from "@/components/classes/item-analysis-table";
import { MasteryGrid } from "@/components/classes/mastery-grid";
import { requireInstructor } from "@/lib/auth/guards";
import { classInsights, classService } from "@/lib/classes/service/server";
import { contentLibrary } from "@/lib/content/library";

export const metadata: Metadata = { title: "Class insights" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ module?: string | string[] }> };

const emptyNote = "rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600";

/** Beyond scores: the class's mastery per concept, item analysis and misconceptions. */
export default async function ClassInsightsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { module: asked } = await searchParams;
  const user = await requireInstructor(`/teach/classes/${id}/insights`);
  const [cls, insights] = await Promise.all([
    classService().classDetail(user.id, id),
    classInsights().insights(user.id, id),
  ]);
  if (!cls || !insights) notFound();
  const library = contentLibrary();
  const modules = library.modules.filter((m) => m.lessons.length > 0);
  const chosen = modules.find((m) => m.id === asked) ?? modules[0];
  const lessonTitle = (slug: string) => library.lessons.find((l) => l.slug === slug)?.title ?? slug;
  const columns = chosen
    ? chosen.lessons.flatMap((l) => l.concepts.map((c) => ({ key: `${l.slug}/${c.id}`, name: c.name })))
    : [];
  const rows = insights.members.map((m) => ({
    userId: m.userId,
    name: m.name,
    concepts: m.mastery.concepts.filter((c) => c.moduleId === chosen?.id),
  }));

  return (
    <div className="mx-auto max-w-6xl space-y-10">
      <div>
        <p className="text-sm text-slate-600">
          <Link href="/teach" className="hover:text-brand-700">
            Your classes
          </Link>{" "}
          /{" "}
          <Link href={`/teach/classes/${cls.id}`} className="hover:text-brand-700">
            {cls.name}
          </Link>
        </p>
        <h1 className="text-3xl font-bold text-slate-900">Insights: {cls.name}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          What your learners know, concept by concept, which questions were hard or did not separate those who know from
          those who do not, and the misunderstandings behind wrong answers.
        </p>
      </div>

      <section aria-labelledby="grid-heading">
        <h2 id="grid-heading" className="text-xl font-semibold text-slate-900">
          Mastery by learner and concept
        </h2>
        <nav aria-label="Modules" className="mt-3 flex flex-wrap gap-2 text-sm">
          {modules.map((m) => (
            <Link
              key={m.id}
              href={`/teach/classes/${cls.id}/insights?module=${m.id}`}
              aria-current={m.id === chosen?.id ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${m.id === chosen?.id ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-800 hover:border-brand-600"}`}
            >
              {m.title}
            </Link>
          ))}
        </nav>
        <div className="mt-3">
          {rows.length === 0 ? (
            <p className={emptyNote}>No learners have joined yet.</p>
          ) : (
            <MasteryGrid rows={rows} columns={columns} />
          )}
        </div>
      </section>

      <section aria-labelledby="misconceptions-heading">
        <h2 id="misconceptions-heading" className="text-xl font-semibold text-slate-900">
          The class&apos;s misconceptions
        </h2>
        {insights.misconceptions.length === 0 ? (
          <p className={`mt-3 ${emptyNote}`}>No wrong answer has pointed to a misconception yet.</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {insights.misconceptions.slice(0, 10).map((m) => (
              <li
                key={`${m.lessonSlug}/${m.misconception}`}
                className="rounded-lg border border-slate-200 bg-white p-4"
              >
                <p className="font-medium text-slate-900">“{m.misconception}”</p>
                <p className="mt-1 text-sm text-slate-700">
                  {m.openLearners} of {m.learners} learner{m.learners === 1 ? "" : "s"} who showed it still hold it.{" "}
                  <Link
                    href={`/lessons/${m.lessonSlug}${m.sectionId ? `#${m.sectionId}` : ""}`}
                    className="text-brand-700 underline"
                  >
                    Taught in {m.lessonTitle} › {m.sectionTitle}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="text-xl font-semibold text-slate-900">
          Item analysis
        </h2>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">
          Per question template, over the class&apos;s finished attempts, as Moodle&apos;s quiz statistics define them:
          facility is the mean score (low means hard); discrimination is the correlation between the question&apos;s
          score and the score on the rest of the attempt (below 0.2 the question hardly tells stronger learners from
          weaker ones; it needs three attempts).
        </p>
        {insights.items.length > 0 && (
          <p className="mt-2">
            <a href={`/teach/classes/${cls.id}/items.csv`} download className="text-brand-700 underline">
              Download the item analysis (CSV)
            </a>
          </p>
        )}
        <div className="mt-3">
          {insights.items.length === 0 ? (
            <p className={emptyNote}>No finished quiz attempts yet.</p>
          ) : (
            <ItemAnalysisTable items={insights.items} lessonTitle={lessonTitle} />
          )}
        </div>
      </section>
    </div>
  );
}
