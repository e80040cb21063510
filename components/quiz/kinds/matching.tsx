import type { QuestionKindView } from "./kind-view";

export const matchingView: QuestionKindView<"matching"> = {
  emptyDraft: () => ({ kind: "matching", pairs: {} }),
  toResponse: (q, draft) => (q.items.every((i) => draft.pairs[i.id]) ? draft : "Match every entry before submitting."),
  Input({ question: q, draft, onChange, locked, answerKey }) {
    const key = answerKey?.pairs ?? null;
    return (
      <fieldset className="mt-4">
        <legend className="sr-only">Match each entry</legend>
        <ul className="space-y-3">
          {q.items.map((item) => {
            const wrong = key && draft.pairs[item.id] !== key[item.id];
            return (
              <li
                key={item.id}
                className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <label htmlFor={`m-${item.id}`} className="flex-1">
                  {item.text}
                </label>
                <select
                  id={`m-${item.id}`}
                  value={draft.pairs[item.id] ?? ""}
                  disabled={locked}
                  onChange={(e) => onChange({ kind: "matching", pairs: { ...draft.pairs, [item.id]: e.target.value } })}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1"
                >
                  <option value="" disabled>
                    Choose…
                  </option>
                  {q.choices.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.text}
                    </option>
                  ))}
                </select>
                {key && (
                  <span className={`text-sm font-medium ${wrong ? "text-red-700" : "text-emerald-800"}`}>
                    {wrong ? `→ ${q.choices.find((c) => c.id === key[item.id])?.text}` : "✓"}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
    );
  },
};
