import { scaleThreshold } from "d3-scale";
import { Table } from "@/components/ui/table";
import { formatDay, formatDayShort } from "@/lib/format";
import type { Activity, ActivityDay } from "@/lib/progress/core/activity";
import { ChartFigure } from "./chart-figure";

// A calendar heatmap of study per day, weeks as columns (Monday on top), drawn on the server as
// plain SVG: d3-scale maps a day's count to a shade and the page ships no chart script.

const CELL = 14;
const GAP = 3;
const LEFT = 30;
const TOP = 18;
const WEEKDAY_LABELS: [number, string][] = [
  [0, "Mon"],
  [2, "Wed"],
  [4, "Fri"],
];

/** Study actions in a day → one of five shades (legend below): none, 1–4, 5–14, 15–29, 30 or more. */
const shade = scaleThreshold<number, string>()
  .domain([1, 5, 15, 30])
  .range(["fill-slate-100", "fill-blue-200", "fill-blue-400", "fill-brand-600", "fill-brand-900"]);
const LEGEND = [
  [0, "none"],
  [1, "1–4"],
  [5, "5–14"],
  [15, "15–29"],
  [30, "30+"],
] as const;

const describeDay = (d: ActivityDay) =>
  d.total === 0
    ? `${formatDay(d.date)}: no study`
    : `${formatDay(d.date)}: ${[
        d.quizAnswers && `${d.quizAnswers} quiz answer${d.quizAnswers === 1 ? "" : "s"}`,
        d.reviews && `${d.reviews} flashcard review${d.reviews === 1 ? "" : "s"}`,
        d.drillSteps && `${d.drillSteps} drill step${d.drillSteps === 1 ? "" : "s"}`,
      ]
        .filter(Boolean)
        .join(", ")}`;

export function ActivityCalendar({ activity, timeZone }: { activity: Activity; timeZone: string }) {
  const weeks = activity.days.length / 7;
  // Room on the right for a month name that starts in the last week.
  const width = LEFT + weeks * (CELL + GAP) + 16;
  const height = TOP + 7 * (CELL + GAP);
  const active = activity.days.filter((d) => d.total > 0);
  const summary = `${activity.activeDays} day${activity.activeDays === 1 ? "" : "s"} with study in the last ${weeks} weeks (days in ${timeZone}); current streak ${activity.streak.current} day${activity.streak.current === 1 ? "" : "s"}, longest ${activity.streak.longest}.`;
  return (
    <ChartFigure
      id="activity-calendar"
      caption="Study per day"
      summary={summary}
      chart={
        <>
          <svg
            role="img"
            aria-labelledby="activity-calendar-caption activity-calendar-summary"
            viewBox={`0 0 ${width} ${height}`}
            width={width}
            height={height}
            className="text-[10px]"
          >
            {WEEKDAY_LABELS.map(([row, label]) => (
              <text key={label} x={0} y={TOP + row * (CELL + GAP) + CELL - 3} className="fill-slate-600">
                {label}
              </text>
            ))}
            {activity.days.map((d, i) => {
              const week = Math.floor(i / 7);
              const x = LEFT + week * (CELL + GAP);
              return (
                <g key={d.date}>
                  {/* A month's name above the week its first day falls in. */}
                  {d.date.endsWith("-01") && (
                    <text x={x} y={10} className="fill-slate-600">
                      {formatDayShort(d.date).split(" ")[1]}
                    </text>
                  )}
                  {!d.future && (
                    <rect
                      x={x}
                      y={TOP + (i % 7) * (CELL + GAP)}
                      width={CELL}
                      height={CELL}
                      rx={2}
                      className={`${shade(d.total)} stroke-slate-300`}
                      strokeWidth={d.total === 0 ? 1 : 0}
                    >
                      <title>{describeDay(d)}</title>
                    </rect>
                  )}
                </g>
              );
            })}
          </svg>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-700" aria-hidden="true">
            Study actions a day:
            {LEGEND.map(([from, label]) => (
              <span key={label} className="inline-flex items-center gap-1">
                <svg width={CELL} height={CELL} aria-hidden="true">
                  <rect width={CELL} height={CELL} rx={2} className={`${shade(from)} stroke-slate-300`} />
                </svg>
                {label}
              </span>
            ))}
          </p>
        </>
      }
      table={
        active.length === 0 ? (
          <p className="text-slate-700">No study in these weeks yet.</p>
        ) : (
          <Table label="Study per day">
            <thead className="bg-slate-100">
              <tr>
                {["Day", "Quiz answers", "Flashcard reviews", "Drill steps"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {active.map((d) => (
                <tr key={d.date} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-2 font-medium">
                    {formatDay(d.date)}
                  </th>
                  <td className="px-3 py-2">{d.quizAnswers}</td>
                  <td className="px-3 py-2">{d.reviews}</td>
                  <td className="px-3 py-2">{d.drillSteps}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )
      }
    />
  );
}
