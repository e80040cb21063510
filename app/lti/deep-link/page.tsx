import type { Metadata } from "next";
import { buttonClass } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { requireInstructor } from "@/lib/auth/guards";
import { ltiDeepLinks, ltiLaunches } from "@/lib/lti/service/server";

export const metadata: Metadata = { title: "Choose an activity for your course" };

type Props = { searchParams: Promise<{ context?: string }> };

const GROUPS = [
  { kind: "lesson", title: "Lesson quizzes" },
  { kind: "module", title: "Module quizzes" },
  { kind: "drill", title: "Drills (no grade is sent back yet)" },
] as const;

/**
 * The deep linking picker (LTI Deep Linking 2.0): an instructor launched from the LMS chooses one
 * quiz or drill; the form posts to /lti/deep-link/respond, which signs the response for the LMS.
 * A plain form, so it works without script.
 */
export default async function DeepLinkPage({ searchParams }: Props) {
  const { context = "" } = await searchParams;
  const user = await requireInstructor(`/lti/deep-link?context=${encodeURIComponent(context)}`);
  const ctx = await ltiLaunches().readDeepLinkContext(user.id, context);
  if (!ctx)
    return (
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold text-slate-900">Choose an activity</h1>
        <p role="alert" className="mt-4 text-red-800">
          This page needs the deep linking launch from your course. Start it again from the course.
        </p>
      </div>
    );
  const items = ltiDeepLinks().catalog();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900">Choose an activity for your course</h1>
      <p className="mt-2 text-slate-700">
        Pick one quiz or drill. Your course gets a link to it, and a quiz gets a grade column that kubelearn fills in
        when a learner finishes it.
      </p>
      <form method="post" action="/lti/deep-link/respond" className="mt-6 space-y-6">
        <input type="hidden" name="context" value={context} />
        {GROUPS.map((group) => (
          <fieldset key={group.kind} className={cardClass("p-4")}>
            <legend className="px-1 text-lg font-semibold text-slate-900">{group.title}</legend>
            <ul className="mt-2 space-y-1">
              {items
                .filter((i) => i.target.kind === group.kind)
                .map((i) => {
                  const value = `${i.target.kind}:${i.target.id}`;
                  return (
                    <li key={value}>
                      <label className="flex items-center gap-2">
                        <input type="radio" name="item" value={value} required />
                        {i.title}
                      </label>
                    </li>
                  );
                })}
            </ul>
          </fieldset>
        ))}
        <button type="submit" className={buttonClass()}>
          Add to course
        </button>
      </form>
    </div>
  );
}
