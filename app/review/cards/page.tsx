import type { Metadata } from "next";
import Link from "next/link";
import { CardBrowser } from "@/components/review/card-browser";
import { CustomStudyForm } from "@/components/review/custom-study-form";
import { AddOwnCardForm, ImportDeckForm } from "@/components/review/own-card-forms";
import { requireUser } from "@/lib/auth/guards";
import { contentLibrary } from "@/lib/content/library";
import { OWN_CARD_LIMITS, OWN_DECK } from "@/lib/flashcards/core/own-cards";
import { browseQuerySchema } from "@/lib/flashcards/service/schemas";
import { cardBrowser, ownCardService } from "@/lib/flashcards/service/server";

export const metadata: Metadata = { title: "Your flashcards" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The card browser: every card of the learner (the lessons' and their own) found by text, lesson and
 * state, each suspended or unsuspended, a lesson card given the learner's own wording, an own card
 * edited or deleted; and the forms that add and import cards of their own.
 */
export default async function CardsPage({ searchParams }: Props) {
  const user = await requireUser("/review/cards");
  const query = browseQuerySchema.parse(await searchParams);
  const lessons = contentLibrary().lessons.map((l) => ({ slug: l.slug, title: l.title }));
  const lesson =
    query.lesson === "own"
      ? OWN_DECK
      : query.lesson && lessons.some((l) => l.slug === query.lesson)
        ? query.lesson
        : null;
  const shownQuery = { ...query, lesson: lesson === null ? undefined : query.lesson };
  const [view, own] = await Promise.all([
    cardBrowser().browse(user.id, { query: query.q, lesson, state: query.state ?? null, page: query.page }),
    ownCardService().list(user.id),
  ]);
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
          Every card you study, the lessons&apos; and your own: find them, suspend any of them, or put a lesson card in
          your own words. Cards you write, import or make from quiz questions you missed are reviewed with the
          lessons&apos; cards, on the same schedule; you can keep up to{" "}
          {OWN_CARD_LIMITS.perLearner.toLocaleString("en")}.
        </p>
      </div>

      <CardBrowser view={view} query={shownQuery} lessons={lessons} ownCount={own.length} timeZone={user.timeZone} />

      <CustomStudyForm lessons={lessons} />

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
    </div>
  );
}
