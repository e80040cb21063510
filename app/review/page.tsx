import type { Metadata } from "next";
import Link from "next/link";
import { AnkiExportLinks } from "@/components/review/anki-export-links";
import { ReviewSession } from "@/components/review/review-session";
import { requireUser } from "@/lib/auth/guards";
import { findLesson } from "@/lib/content/library";
import { flashcardService } from "@/lib/flashcards/service/server";

export const metadata: Metadata = { title: "Flashcard review" };

type Props = { searchParams: Promise<{ lesson?: string | string[] }> };

export default async function ReviewPage({ searchParams }: Props) {
  const { lesson: raw } = await searchParams;
  const lesson = typeof raw === "string" ? findLesson(raw) : undefined;
  const user = await requireUser(lesson ? `/review?lesson=${lesson.slug}` : "/review");
  const view = await flashcardService().session(user, lesson?.slug);
  return (
    <>
      <ReviewSession initial={view} scopeLabel={lesson ? lesson.title : "all lessons"} />
      <div className="mx-auto max-w-2xl">
        <p className="mt-6">
          <Link href="/review/cards" className="text-brand-700 underline">
            Browse your cards: find, suspend and edit any card, or write and import your own
          </Link>
        </p>
        <p className="mt-2">
          <Link
            href={lesson ? `/review/custom?kind=lesson&lesson=${lesson.slug}` : "/review/cards#custom-heading"}
            className="text-brand-700 underline"
          >
            {lesson
              ? `Custom study: all of ${lesson.title}'s cards, ahead of schedule`
              : "Custom study ahead of schedule"}
          </Link>
        </p>
        <AnkiExportLinks lesson={lesson ? { slug: lesson.slug, title: lesson.title } : undefined} />
      </div>
    </>
  );
}
