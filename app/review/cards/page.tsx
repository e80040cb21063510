import type { Metadata } from "next";
import Link from "next/link";
import { AddOwnCardForm, DeleteOwnCardForm, EditOwnCardForm, ImportDeckForm } from "@/components/review/own-card-forms";
import { cardClass } from "@/components/ui/card";
import { fieldControlClass } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/guards";
import { contentLibrary } from "@/lib/content/library";
import { OWN_CARD_LIMITS, type OwnCardSource, ownCardId } from "@/lib/flashcards/core/own-cards";
import { YOUR_DECK } from "@/lib/flashcards/service/flashcard-service";
import { ownCardService } from "@/lib/flashcards/service/server";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Your flashcards" };

const MADE_FROM: Record<OwnCardSource, string> = {
  typed: "written here",
  import: "imported",
  "missed-question": "from a quiz question you missed",
};

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** The learner's own cards: add, import, find, edit and delete them. They are reviewed with the lessons' cards. */
export default async function OwnCardsPage({ searchParams }: Props) {
  const user = await requireUser("/review/cards");
  const raw = (await searchParams).q;
  const query = (typeof raw === "string" ? raw : "").trim().slice(0, 100);
  const lessons = contentLibrary().lessons.map((l) => ({ slug: l.slug, title: l.title }));
  const titles = new Map(lessons.map((l) => [l.slug, l.title]));
  const all = await ownCardService().list(user.id);
  const needle = query.toLowerCase();
  const shown = needle
    ? all.filter((c) => c.front.toLowerCase().includes(needle) || c.back.toLowerCase().includes(needle))
    : all;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <p className="text-sm text-slate-600">
          <Link href="/review" className="hover:text-brand-700">
            Flashcards
          </Link>
        </p>
        <h1 className="text-3xl font-bold text-slate-900">Your flashcards</h1>
        <p className="mt-2 text-slate-700">
          Cards you write, import or make from quiz questions you missed are reviewed with the lessons&apos; cards, on
          the same schedule. You can keep up to {OWN_CARD_LIMITS.perLearner.toLocaleString("en")}.
        </p>
      </div>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading" className="text-xl font-semibold text-slate-900">
          Add a card
        </h2>
        <div className="mt-3">
          <AddOwnCardForm lessons={lessons} />
        </div>
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading" className="text-xl font-semibold text-slate-900">
          Import a deck
        </h2>
        <div className="mt-3">
          <ImportDeckForm lessons={lessons} />
        </div>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="text-xl font-semibold text-slate-900">
          Your cards ({all.length})
        </h2>
        {all.length === 0 ? (
          <p className="mt-2 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-600">
            None yet. Add one above, import a deck, or add the questions you missed from a quiz&apos;s review.
          </p>
        ) : (
          <>
            <search>
              <form className="mt-3 flex flex-wrap items-end gap-2">
                <label htmlFor="card-search" className="sr-only">
                  Search your cards
                </label>
                <input
                  id="card-search"
                  type="search"
                  name="q"
                  defaultValue={query}
                  placeholder="Search your cards"
                  className={fieldControlClass("px-3 py-2")}
                />
                <button
                  type="submit"
                  className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-100"
                >
                  Search
                </button>
                {query && (
                  <Link href="/review/cards" className="px-2 py-2 text-brand-700 underline">
                    Show all
                  </Link>
                )}
              </form>
            </search>
            <p className="mt-2 text-sm text-slate-600" role="status">
              {query ? `${shown.length} of ${all.length} cards match “${query}”.` : ""}
            </p>
            <ul className={cardClass("mt-2 divide-y divide-slate-200")}>
              {shown.map((c) => (
                <li key={c.id} className="p-4">
                  <p className="whitespace-pre-line font-medium text-slate-900">{c.front}</p>
                  <p className="mt-1 whitespace-pre-line text-slate-700">{c.back}</p>
                  <p className="mt-1 text-xs text-slate-600">
                    {c.lessonSlug ? (titles.get(c.lessonSlug) ?? c.lessonSlug) : YOUR_DECK} · {MADE_FROM[c.source]} ·{" "}
                    {formatDateTime(c.createdAt, user.timeZone)}
                  </p>
                  <div className="mt-2 flex flex-wrap items-start gap-3">
                    <details className="flex-1">
                      <summary className="cursor-pointer text-sm text-brand-700">
                        Edit<span className="sr-only"> the card “{c.front.slice(0, 40)}”</span>
                      </summary>
                      <EditOwnCardForm cardId={ownCardId(c.id)} front={c.front} back={c.back} />
                    </details>
                    <DeleteOwnCardForm cardId={ownCardId(c.id)} front={c.front} />
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
