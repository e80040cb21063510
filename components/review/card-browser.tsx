import Link from "next/link";
import { cardClass } from "@/components/ui/card";
import { fieldControlClass } from "@/components/ui/field";
import {
  BROWSE_PAGE_SIZE,
  BROWSE_STATE_LABELS,
  BROWSE_STATES,
  type BrowseState,
  FORGOTTEN_DEFINITION,
} from "@/lib/flashcards/core/card-browser";
import { isOwnCardId } from "@/lib/flashcards/core/own-cards";
import type { BrowserRow, BrowserView } from "@/lib/flashcards/service/card-browser-service";
import { formatDateTime, formatTimeZone } from "@/lib/format";
import { CardCopyForm, ResetCardCopyForm, SuspendCardForm } from "./card-browser-forms";
import { DeleteOwnCardForm, EditOwnCardForm, type LessonOption } from "./own-card-forms";

/** The browser's filters as the query string holds them (`lesson=own`: the learner's own deck). */
export interface BrowserQuery {
  q: string;
  lesson?: string;
  state?: BrowseState;
  page: number;
}

const selectClass = fieldControlClass("w-full px-3 py-2");

export function browserHref(query: BrowserQuery, page = 1): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.lesson) params.set("lesson", query.lesson);
  if (query.state) params.set("state", query.state);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return `/review/cards${text ? `?${text}` : ""}#browse-heading`;
}

/** A plain GET form: works before the page's script loads; Enter in the search box or the button applies it. */
function BrowserFilters({ query, lessons }: { query: BrowserQuery; lessons: LessonOption[] }) {
  const filtered = !!(query.q || query.lesson || query.state);
  return (
    <search>
      <form action="/review/cards" className="mt-3 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="browse-q" className="block text-sm font-medium text-slate-800">
            Search the cards
          </label>
          <input
            id="browse-q"
            type="search"
            name="q"
            maxLength={100}
            defaultValue={query.q}
            placeholder="Words on the front or back"
            className={selectClass}
          />
        </div>
        <div>
          <label htmlFor="browse-lesson" className="block text-sm font-medium text-slate-800">
            Lesson
          </label>
          <select id="browse-lesson" name="lesson" defaultValue={query.lesson ?? ""} className={selectClass}>
            <option value="">All lessons</option>
            <option value="own">Your own cards (no lesson)</option>
            {lessons.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="browse-state" className="block text-sm font-medium text-slate-800">
            State
          </label>
          <select
            id="browse-state"
            name="state"
            defaultValue={query.state ?? ""}
            aria-describedby="forgotten-definition"
            className={selectClass}
          >
            <option value="">Any state</option>
            {BROWSE_STATES.map((s) => (
              <option key={s} value={s}>
                {BROWSE_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-100"
          >
            Filter
          </button>
          {filtered && (
            <Link href="/review/cards#browse-heading" className="py-2 text-brand-700 underline">
              Clear filters
            </Link>
          )}
        </div>
      </form>
      <p id="forgotten-definition" className="mt-2 text-sm text-slate-600">
        {FORGOTTEN_DEFINITION} New, Learning, Review and Relearning are the cards&apos; FSRS states (suspended cards
        included); Suspended cards never come up in reviews until you unsuspend them.
      </p>
    </search>
  );
}

function CardRow({ row, timeZone }: { row: BrowserRow; timeZone: string }) {
  const { card } = row;
  const own = isOwnCardId(card.id);
  const badge = (text: string, tone: string) => ({
    key: text,
    node: <span className={`rounded px-1.5 font-semibold ${tone}`}>{text}</span>,
  });
  const meta = [
    { key: "lesson", node: row.lessonTitle },
    { key: "state", node: row.state },
    ...(row.suspended ? [badge("Suspended", "bg-amber-100 text-amber-900")] : []),
    ...(row.forgotten ? [badge("Forgotten", "bg-red-100 text-red-900")] : []),
    ...(row.edited ? [badge("Edited copy", "bg-sky-100 text-sky-900")] : []),
    ...(own ? [badge("Your own card", "bg-slate-100 text-slate-800")] : []),
    { key: "due", node: row.due ? `Due ${formatDateTime(row.due, timeZone)}` : "Not studied yet" },
    ...(row.lapses > 0 ? [{ key: "lapses", node: `${row.lapses} lapse${row.lapses === 1 ? "" : "s"}` }] : []),
  ];
  return (
    <li className="p-4">
      <p className="whitespace-pre-line break-words font-medium text-slate-900">{card.front}</p>
      <p className="mt-1 whitespace-pre-line break-words text-slate-700">{card.back}</p>
      <p className="mt-2 flex flex-wrap items-center gap-y-1 text-xs text-slate-700">
        {meta.map((item, i) => (
          <span key={item.key} className="inline-flex items-center">
            {i > 0 && (
              <span aria-hidden="true" className="px-1.5">
                ·
              </span>
            )}
            <span className="sr-only">{i > 0 ? ", " : ""}</span>
            {item.node}
          </span>
        ))}
      </p>
      <div className="mt-2 flex flex-wrap items-start gap-3">
        <SuspendCardForm cardId={card.id} suspended={row.suspended} front={card.front} />
        {own ? (
          <>
            <details className="min-w-0 flex-1 basis-60">
              <summary className="cursor-pointer py-1 text-sm text-brand-700">
                Edit<span className="sr-only"> the card “{card.front.slice(0, 40)}”</span>
              </summary>
              <EditOwnCardForm cardId={card.id} front={card.front} back={card.back} />
            </details>
            <DeleteOwnCardForm cardId={card.id} front={card.front} />
          </>
        ) : (
          <>
            <details className="min-w-0 flex-1 basis-60">
              <summary className="cursor-pointer py-1 text-sm text-brand-700">
                Edit your copy<span className="sr-only"> of the card “{card.front.slice(0, 40)}”</span>
              </summary>
              {row.original && (
                <p className="mt-2 text-sm text-slate-700">
                  The lesson says: <span className="whitespace-pre-line">{row.original.front}</span> —{" "}
                  <span className="whitespace-pre-line">{row.original.back}</span>
                </p>
              )}
              <CardCopyForm cardId={card.id} front={card.front} back={card.back} />
            </details>
            {row.edited && <ResetCardCopyForm cardId={card.id} front={card.front} />}
          </>
        )}
      </div>
    </li>
  );
}

function Pages({ view, query }: { view: BrowserView; query: BrowserQuery }) {
  if (view.pages <= 1) return null;
  const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-100";
  return (
    <nav aria-label="Pages of cards" className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm">
      {view.page > 1 ? (
        <Link href={browserHref(query, view.page - 1)} className={link}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-700">
        Page {view.page} of {view.pages}
      </span>
      {view.page < view.pages ? (
        <Link href={browserHref(query, view.page + 1)} className={link}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** Every card the learner has, lessons' and their own, with its schedule; filters, a page at a time. */
export function CardBrowser({
  view,
  query,
  lessons,
  ownCount,
  timeZone,
}: {
  view: BrowserView;
  query: BrowserQuery;
  lessons: LessonOption[];
  ownCount: number;
  timeZone: string;
}) {
  const first = (view.page - 1) * BROWSE_PAGE_SIZE + 1;
  const last = first + view.cards.length - 1;
  return (
    <section aria-labelledby="browse-heading">
      <h2 id="browse-heading" className="text-xl font-semibold text-slate-900">
        Your cards
      </h2>
      <p className="mt-1 text-slate-700">
        {view.total.toLocaleString("en")} cards: the lessons&apos; and {ownCount.toLocaleString("en")} of your own. Due
        dates are in your time zone, {formatTimeZone(timeZone, new Date())}.
      </p>
      <BrowserFilters query={query} lessons={lessons} />
      <p id="browse-summary" className="mt-3 text-sm text-slate-700" role="status">
        {view.matched === 0
          ? ""
          : `Showing ${first}–${last} of ${view.matched.toLocaleString("en")} ${view.matched === 1 ? "card" : "cards"}${
              view.matched < view.total ? " that match" : ""
            }.`}
      </p>
      {view.matched === 0 ? (
        <div className="mt-2 rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          <p>No card matches these filters.</p>
          <Link href="/review/cards#browse-heading" className="mt-1 inline-block text-brand-700 underline">
            Show every card
          </Link>
        </div>
      ) : (
        <ul className={cardClass("mt-2 divide-y divide-slate-200")}>
          {view.cards.map((row) => (
            <CardRow key={row.card.id} row={row} timeZone={timeZone} />
          ))}
        </ul>
      )}
      <Pages view={view} query={query} />
    </section>
  );
}
