import { buttonClass } from "@/components/ui/button";

// Where a learner takes their flashcards to Anki. Plain links (not next/link): each answers with a
// file to save, which the browser downloads without leaving the page; Tab reaches them and Enter
// downloads.

export const ankiLessonHref = (slug: string) => `/review/export.apkg?lesson=${encodeURIComponent(slug)}`;
export const ANKI_OWN_DECK_HREF = "/review/export.apkg";

export function AnkiExportLinks({ lesson }: { lesson?: { slug: string; title: string } }) {
  return (
    <section aria-labelledby="anki-export" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="anki-export" className="text-lg font-semibold text-slate-900">
        Study in Anki
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Download your cards as an Anki deck (.apkg) and open it in Anki, AnkiDroid or AnkiMobile. Your own deck keeps
        each card&apos;s due date, interval and review history; importing a newer copy updates the cards&apos; text
        instead of adding them twice.
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        <a href={ANKI_OWN_DECK_HREF} download className={buttonClass({ variant: "secondary", size: "sm" })}>
          Download all my cards for Anki
        </a>
        {lesson && (
          <a href={ankiLessonHref(lesson.slug)} download className={buttonClass({ variant: "secondary", size: "sm" })}>
            Download “{lesson.title}” cards for Anki
          </a>
        )}
      </div>
    </section>
  );
}
