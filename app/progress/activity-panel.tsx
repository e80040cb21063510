import { ActivityCalendar } from "@/components/charts/activity-calendar";
import { WeeklyBars } from "@/components/charts/weekly-bars";
import { Stat } from "@/components/ui/stat";
import { formatPercent } from "@/lib/format";
import { progressService } from "@/lib/progress/service/server";

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** The learner's study over the last weeks: streak, a calendar of days, reviews and quiz scores per week. */
export async function ActivityPanel({ userId, timeZone }: { userId: string; timeZone: string }) {
  const activity = await progressService().activity(userId, timeZone);
  const reviews = activity.weeks.reduce((s, w) => s + w.reviews, 0);
  const scored = activity.weeks.filter((w) => w.quizScore !== null);
  return (
    <>
      <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-3">
        <Stat label="Current streak" value={days(activity.streak.current)} />
        <Stat label="Longest streak" value={days(activity.streak.longest)} />
        <Stat label={`Days with study (${activity.weeks.length} weeks)`} value={String(activity.activeDays)} />
      </dl>
      <div className="mt-4">
        <ActivityCalendar activity={activity} timeZone={timeZone} />
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <WeeklyBars
          id="weekly-reviews"
          caption="Flashcard reviews per week"
          summary={`${reviews} review${reviews === 1 ? "" : "s"} in ${activity.weeks.length} weeks; the last week has ${activity.weeks.at(-1)?.reviews ?? 0}.`}
          weeks={activity.weeks.map((w) => ({ start: w.start, value: w.reviews }))}
          format={(n) => String(n)}
          valueLabel="Reviews"
        />
        <WeeklyBars
          id="weekly-quiz-score"
          caption="Quiz score per week"
          summary={
            scored.length === 0
              ? `No quiz answers in these ${activity.weeks.length} weeks.`
              : `The mean score of each week's quiz answers; ${scored.length} of ${activity.weeks.length} weeks have some, the latest ${formatPercent(scored.at(-1)?.quizScore ?? null)}.`
          }
          weeks={activity.weeks.map((w) => ({ start: w.start, value: w.quizScore }))}
          max={1}
          format={(n) => formatPercent(n)}
          valueLabel="Mean score of the week's answers"
        />
      </div>
    </>
  );
}
