import { cardClass } from "@/components/ui/card";
import { fieldControlClass } from "@/components/ui/field";
import type { LessonOption } from "./own-card-forms";

const control = fieldControlClass("w-full px-3 py-2");

/** Custom study, like Anki's: a GET form to /review/custom, usable before any script loads. */
export function CustomStudyForm({ lessons, lesson }: { lessons: LessonOption[]; lesson?: string }) {
  return (
    <section aria-labelledby="custom-heading">
      <h2 id="custom-heading" className="text-xl font-semibold text-slate-900">
        Custom study
      </h2>
      <p className="mt-1 text-slate-700">
        Review ahead of schedule: one lesson&apos;s cards you have studied, or only your forgotten ones, due or not.
        Ratings count: each one reschedules the card from the moment you rate it.
      </p>
      <form
        action="/review/custom"
        className={cardClass("mt-3 grid gap-3 p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end")}
      >
        <div>
          <label htmlFor="custom-kind" className="block text-sm font-medium text-slate-800">
            Study
          </label>
          <select id="custom-kind" name="kind" defaultValue="lesson" className={control}>
            <option value="lesson">A lesson&apos;s cards</option>
            <option value="forgotten">Only forgotten cards</option>
          </select>
        </div>
        <div>
          <label htmlFor="custom-lesson" className="block text-sm font-medium text-slate-800">
            From
          </label>
          <select id="custom-lesson" name="lesson" defaultValue={lesson ?? ""} className={control}>
            <option value="">Every lesson (forgotten cards only)</option>
            {lessons.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Start custom study
        </button>
      </form>
    </section>
  );
}
