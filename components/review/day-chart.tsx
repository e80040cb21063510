/** A small bar chart of counts per day (the learner's days, in `timeZone`), with a table for screen readers. */
export function DayChart({
  title,
  days,
  tone,
  timeZone,
}: {
  title: string;
  days: { day: string; count: number }[];
  tone: string;
  timeZone: string;
}) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((n, d) => n + d.count, 0);
  return (
    <figure className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
      <figcaption className="text-sm text-slate-700">
        {title}: {total} in {days.length} days ({timeZone} days)
      </figcaption>
      <div aria-hidden="true" className="mt-3 flex h-28 items-end gap-[2px]">
        {days.map((d) => (
          <div
            key={d.day}
            title={`${d.day}: ${d.count}`}
            className={`flex-1 rounded-t ${d.count ? tone : "bg-slate-100"}`}
            style={{ height: `${Math.max(4, (d.count / max) * 100)}%` }}
          />
        ))}
      </div>
      <div aria-hidden="true" className="mt-1 flex justify-between text-xs text-slate-500">
        <span>{days[0]?.day}</span>
        <span>{days[days.length - 1]?.day}</span>
      </div>
      <table className="sr-only">
        <caption>
          {title}, per day in {timeZone}
        </caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Cards</th>
          </tr>
        </thead>
        <tbody>
          {days
            .filter((d) => d.count > 0)
            .map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.count}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
