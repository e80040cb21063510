import type { QuestionKindView } from "./kind-view";

export const clozeView: QuestionKindView<"cloze"> = {
  emptyDraft: () => ({ kind: "cloze", text: "" }),
  toResponse: (_q, draft) => (draft.text.trim() ? draft : "Type the missing term first."),
  Input({ question: q, draft, onChange, locked, answerKey }) {
    return (
      <p className="mt-4 rounded-lg border border-slate-200 bg-white p-4 leading-9">
        {q.before}
        <input
          type="text"
          aria-label="Missing term"
          value={draft.text}
          disabled={locked}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          onChange={(e) => onChange({ kind: "cloze", text: e.target.value })}
          className="mx-1 w-40 rounded-md border border-slate-400 px-2 py-1"
        />
        {q.after}
        {answerKey && <span className="block text-sm font-medium text-emerald-800">Answer: {answerKey.text}</span>}
      </p>
    );
  },
};
