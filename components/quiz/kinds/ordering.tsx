import type { QuestionKindView } from "./kind-view";

export const orderingView: QuestionKindView<"ordering"> = {
  // Starts in the order the server sent, which is never the right one.
  emptyDraft: (q) => ({ kind: "ordering", order: q.items.map((i) => i.id) }),
  toResponse: (_q, draft) => draft,
  Input({ question: q, draft, onChange, locked, answerKey }) {
    const move = (from: number, to: number) => {
      if (to < 0 || to >= draft.order.length) return;
      const order = [...draft.order];
      [order[from], order[to]] = [order[to], order[from]];
      onChange({ kind: "ordering", order });
    };
    const key = answerKey?.order ?? null;
    return (
      <ol className="mt-4 space-y-2">
        {draft.order.map((id, i) => {
          const text = q.items.find((it) => it.id === id)?.text ?? id;
          return (
            <li
              key={id}
              className={`flex items-center gap-3 rounded-lg border bg-white p-3 ${key ? (key[i] === id ? "border-emerald-600" : "border-red-500") : "border-slate-200"}`}
            >
              <span className="w-6 text-right font-semibold text-slate-500">{i + 1}.</span>
              <span className="flex-1">{text}</span>
              {!locked && (
                <span className="flex gap-1">
                  <button
                    type="button"
                    onClick={() => move(i, i - 1)}
                    disabled={i === 0}
                    aria-label={`Move “${text}” up`}
                    className="rounded border border-slate-300 px-2 disabled:opacity-40"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => move(i, i + 1)}
                    disabled={i === draft.order.length - 1}
                    aria-label={`Move “${text}” down`}
                    className="rounded border border-slate-300 px-2 disabled:opacity-40"
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    );
  },
};
