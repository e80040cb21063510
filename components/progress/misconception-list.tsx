import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { NamedMisconception } from "@/lib/progress/core/learner-mastery";

/** The misunderstandings a learner's wrong answers showed, each with the lesson section that corrects it. */
export function MisconceptionList({ items, timeZone }: { items: NamedMisconception[]; timeZone: string }) {
  if (items.length === 0)
    return (
      <p className="text-slate-700">
        None so far. When a wrong answer points to a misunderstanding, it is listed here with the section that puts it
        right.
      </p>
    );
  return (
    <ul className="space-y-3">
      {items.map((m) => (
        <li key={`${m.lessonSlug}/${m.misconception}`} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="font-medium text-slate-900">“{m.misconception}”</p>
          <p className="mt-1 text-sm text-slate-700">
            {m.resolved ? "Put right since: you answered its concepts correctly twice after. " : "Still open. "}
            Seen {m.count === 1 ? "once" : `${m.count} times`}, last on {formatDateTime(m.lastSeen, timeZone)}.
          </p>
          <Link
            href={`/lessons/${m.lessonSlug}${m.sectionId ? `#${m.sectionId}` : ""}`}
            className="mt-2 inline-block text-sm text-brand-700 underline"
          >
            Read: {m.lessonTitle} › {m.sectionTitle}
          </Link>
        </li>
      ))}
    </ul>
  );
}
