import Link from "next/link";

/** " · Read first: A, B (done)": the lessons to read before this one, each a link. */
export function PrerequisiteLinks({
  prerequisites,
  showDone = false,
}: {
  prerequisites: { slug: string; title: string; completed?: boolean }[];
  /** Only for a signed-in learner, whose completions are known. */
  showDone?: boolean;
}) {
  if (prerequisites.length === 0) return null;
  return (
    <>
      {" · "}Read first:{" "}
      {prerequisites.map((p, i) => (
        <span key={p.slug}>
          {i > 0 && ", "}
          <Link href={`/lessons/${p.slug}`} className="text-brand-700 underline">
            {p.title}
          </Link>
          {showDone && p.completed && <span className="text-emerald-800"> (done)</span>}
        </span>
      ))}
    </>
  );
}
