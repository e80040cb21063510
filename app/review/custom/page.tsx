import type { Metadata } from "next";
import Link from "next/link";
import { CustomStudyForm } from "@/components/review/custom-study-form";
import { ReviewSession } from "@/components/review/review-session";
import { Alert } from "@/components/ui/alert";
import { requireUser } from "@/lib/auth/guards";
import { contentLibrary, findLesson } from "@/lib/content/library";
import { CUSTOM_STUDY_CAP } from "@/lib/flashcards/core/card-browser";
import { customStudyQuerySchema } from "@/lib/flashcards/service/schemas";
import { flashcardService } from "@/lib/flashcards/service/server";

export const metadata: Metadata = { title: "Custom study" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Custom study ahead of schedule (`?kind=lesson&lesson=<slug>` or `?kind=forgotten[&lesson=<slug>]`):
 * the ratings are ordinary ratings, so they reschedule each card from the moment it is rated.
 */
export default async function CustomStudyPage({ searchParams }: Props) {
  const params = await searchParams;
  const user = await requireUser("/review/cards#custom-heading");
  const lessons = contentLibrary().lessons.map((l) => ({ slug: l.slug, title: l.title }));
  const parsed = customStudyQuerySchema.safeParse(params);
  const result = parsed.success
    ? await flashcardService().customSession(user, parsed.data.kind, parsed.data.lesson ?? null)
    : null;
  if (!parsed.success || !result?.ok) {
    const message = result && !result.ok ? result.error : "Choose what to study.";
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <h1 className="text-3xl font-bold text-slate-900">Custom study</h1>
        <Alert tone="error">{message}</Alert>
        <CustomStudyForm lessons={lessons} />
      </div>
    );
  }
  const { kind, lessonSlug } = result.value;
  const lesson = lessonSlug ? findLesson(lessonSlug) : undefined;
  const scope =
    kind === "forgotten" ? `forgotten cards${lesson ? ` of ${lesson.title}` : ""}` : (lesson?.title ?? "a lesson");
  return (
    <>
      <ReviewSession initial={result.value} scopeLabel={scope} custom />
      <div className="mx-auto max-w-2xl">
        <p className="mt-6 text-sm text-slate-700">
          Custom study shows cards you have studied before, due or not (at most {CUSTOM_STUDY_CAP}, the soonest due
          first; never new or suspended cards). Your ratings here are real reviews: each one is kept in your history and
          reschedules the card from now. A card reviewed early gets a shorter new interval than it would on its due day,
          because FSRS counts the time since you last saw it.
        </p>
        <p className="mt-3">
          <Link href="/review/cards" className="text-brand-700 underline">
            Back to your cards
          </Link>
        </p>
      </div>
    </>
  );
}
