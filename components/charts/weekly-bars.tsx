import { scaleBand, scaleLinear } from "d3-scale";
import { Table } from "@/components/ui/table";
import { formatDayShort } from "@/lib/format";
import { ChartFigure } from "./chart-figure";

// A bar per week, drawn on the server as SVG with d3-scale (a band scale for the weeks, a linear
// one for the values, with its "nice" ticks). Weeks without a value get no bar and say so in the table.

const WIDTH = 360;
const HEIGHT = 150;
const MARGIN = { top: 8, right: 8, bottom: 22, left: 36 };

export interface WeeklyValue {
  /** The week's Monday, `YYYY-MM-DD`. */
  start: string;
  value: number | null;
}

export function WeeklyBars({
  id,
  caption,
  summary,
  weeks,
  max,
  format,
  valueLabel,
}: {
  id: string;
  caption: string;
  summary: string;
  weeks: readonly WeeklyValue[];
  /** The top of the scale; defaults to the largest value. */
  max?: number;
  format: (value: number) => string;
  valueLabel: string;
}) {
  const x = scaleBand<string>()
    .domain(weeks.map((w) => w.start))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.25);
  const top = max ?? Math.max(1, ...weeks.map((w) => w.value ?? 0));
  const y = scaleLinear()
    .domain([0, top])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice();
  const ticks = y.ticks(3);
  // Every other week is labelled, so the labels never overlap.
  const labelled = weeks.filter((_, i) => (weeks.length - 1 - i) % 2 === 0);
  return (
    <ChartFigure
      id={id}
      caption={caption}
      summary={summary}
      chart={
        <svg
          role="img"
          aria-labelledby={`${id}-caption ${id}-summary`}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          className="h-auto w-full max-w-md text-[10px]"
        >
          {ticks.map((t) => (
            <g key={t}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} className="stroke-slate-200" />
              <text x={MARGIN.left - 4} y={y(t) + 3} textAnchor="end" className="fill-slate-600">
                {format(t)}
              </text>
            </g>
          ))}
          {weeks.map((w) =>
            w.value === null ? null : (
              <rect
                key={w.start}
                x={x(w.start)}
                y={y(w.value)}
                width={x.bandwidth()}
                height={y(0) - y(w.value)}
                className="fill-brand-600"
              >
                <title>{`Week of ${formatDayShort(w.start)}: ${format(w.value)}`}</title>
              </rect>
            ),
          )}
          {labelled.map((w) => (
            <text
              key={w.start}
              x={(x(w.start) ?? 0) + x.bandwidth() / 2}
              y={HEIGHT - 6}
              textAnchor="middle"
              className="fill-slate-600"
            >
              {formatDayShort(w.start)}
            </text>
          ))}
        </svg>
      }
      table={
        <Table label={caption}>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="px-3 py-2">
                Week of
              </th>
              <th scope="col" className="px-3 py-2">
                {valueLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.start} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 font-medium">
                  {formatDayShort(w.start)}
                </th>
                <td className="px-3 py-2">{w.value === null ? "none" : format(w.value)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      }
    />
  );
}
