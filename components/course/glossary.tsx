import Link from "next/link";
import { cardClass } from "@/components/ui/card";
import { crossLinkPath, glossaryAnchor } from "@/lib/content/cross-links";
import type { GlossaryTerm, Lesson } from "@/lib/content/types";

const initialOf = (term: GlossaryTerm) => term.term[0].toUpperCase();

/** Glossary terms A to Z, each with its definition and the lesson section that teaches it. */
export function Glossary({ terms, lessons }: { terms: GlossaryTerm[]; lessons: Lesson[] }) {
  if (terms.length === 0)
    return (
      <p className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        The glossary has no terms yet.
      </p>
    );
  const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }));
  const initials = [...new Set(sorted.map(initialOf))];
  return (
    <>
      <nav aria-label="Glossary letters" className="mt-6">
        <ul className="flex flex-wrap gap-2">
          {initials.map((letter) => (
            <li key={letter}>
              <a
                href={`#letter-${letter}`}
                className="inline-block min-w-8 rounded border border-slate-300 bg-white px-2 py-1 text-center text-sm font-medium text-brand-700 hover:bg-brand-50"
              >
                {letter}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {initials.map((letter) => (
        <section key={letter} aria-labelledby={`letter-${letter}`} className="mt-8">
          <h2 id={`letter-${letter}`} className="text-xl font-semibold text-slate-900">
            {letter}
          </h2>
          <dl className={cardClass("mt-3 divide-y divide-slate-200 [overflow-wrap:anywhere]")}>
            {sorted
              .filter((t) => initialOf(t) === letter)
              .map((term) => (
                <div key={term.id} id={glossaryAnchor(term.id)} className="scroll-mt-20 p-4 target:bg-brand-50">
                  <dt className="font-semibold text-slate-900">{term.term}</dt>
                  <dd className="mt-1 text-slate-700">{term.definition}</dd>
                  <TaughtIn term={term} lessons={lessons} />
                </div>
              ))}
          </dl>
        </section>
      ))}
    </>
  );
}

function TaughtIn({ term, lessons }: { term: GlossaryTerm; lessons: Lesson[] }) {
  const lesson = term.lesson && lessons.find((l) => l.slug === term.lesson?.slug);
  if (!term.lesson || !lesson) return null;
  const section = lesson.toc.find((t) => t.id === term.lesson?.sectionId);
  return (
    <dd className="mt-2 text-sm">
      <span className="text-slate-600">Taught in </span>
      <Link href={crossLinkPath({ kind: "lesson", ...term.lesson })} className="text-brand-700 underline">
        {lesson.title}
        {section ? ` › ${section.title}` : ""}
      </Link>
    </dd>
  );
}
