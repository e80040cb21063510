"use client";

import type { PublicQuestion } from "@/lib/quiz/core/types";
import type { Reveal } from "@/lib/quiz/service/quiz-service";
import { InlineCode } from "./inline-code";

export type Draft =
  | { kind: "choice"; optionIds: string[] }
  | { kind: "matching"; pairs: Record<string, string> }
  | { kind: "cloze"; text: string }
  | { kind: "ordering"; order: string[] };

export function emptyDraft(q: PublicQuestion): Draft {
  if (q.kind === "matching") return { kind: "matching", pairs: {} };
  if (q.kind === "cloze") return { kind: "cloze", text: "" };
  if (q.kind === "ordering") return { kind: "ordering", order: q.items.map((i) => i.id) };
  return { kind: "choice", optionIds: [] };
}

/** Number key n (1-based) chooses option n; in a multiple-select question it toggles it. */
export function pressNumber(q: PublicQuestion, draft: Draft, n: number): Draft {
  if (!("options" in q) || draft.kind !== "choice") return draft;
  const option = q.options[n - 1];
  if (!option) return draft;
  if (q.kind !== "multiple") return { kind: "choice", optionIds: [option.id] };
  const on = draft.optionIds.includes(option.id);
  return {
    kind: "choice",
    optionIds: on ? draft.optionIds.filter((id) => id !== option.id) : [...draft.optionIds, option.id],
  };
}

const keyOptionIds = (reveal?: Partial<Reveal>) =>
  reveal?.key && "optionId" in reveal.key
    ? [reveal.key.optionId]
    : reveal?.key && "optionIds" in reveal.key
      ? reveal.key.optionIds
      : [];

interface Props {
  question: PublicQuestion;
  draft: Draft;
  onChange(draft: Draft): void;
  locked: boolean;
  reveal?: Partial<Reveal>;
}

export function QuestionInput({ question: q, draft, onChange, locked, reveal }: Props) {
  if ("options" in q && draft.kind === "choice") {
    const multiple = q.kind === "multiple";
    const keys = keyOptionIds(reveal);
    return (
      <fieldset className="mt-4">
        <legend className="sr-only">{multiple ? "Select all that apply" : "Choose one answer"}</legend>
        <ul className="space-y-2">
          {q.options.map((o, i) => {
            const chosen = draft.optionIds.includes(o.id);
            const isKey = keys.includes(o.id);
            const tone = !reveal?.key
              ? chosen
                ? "border-brand-600 bg-brand-50"
                : "border-slate-200 bg-white"
              : isKey
                ? "border-emerald-600 bg-emerald-50"
                : chosen
                  ? "border-red-500 bg-red-50"
                  : "border-slate-200 bg-white";
            return (
              <li key={o.id}>
                <label
                  className={`flex cursor-pointer items-start gap-3 rounded-lg border p-3 ${tone} ${locked ? "cursor-default" : "hover:border-brand-600"}`}
                >
                  <input
                    type={multiple ? "checkbox" : "radio"}
                    name={`q-${q.id}`}
                    value={o.id}
                    checked={chosen}
                    disabled={locked}
                    onChange={() => onChange(pressNumber(q, draft, i + 1))}
                    className="mt-1"
                  />
                  <span className="flex-1">
                    <kbd
                      aria-hidden="true"
                      className="mr-2 rounded border border-slate-300 bg-slate-50 px-1.5 text-xs text-slate-600"
                    >
                      {i + 1}
                    </kbd>
                    <InlineCode text={o.text} />
                    {reveal?.key && isKey && (
                      <span className="ml-2 text-sm font-medium text-emerald-800">(correct answer)</span>
                    )}
                    {reveal?.key && chosen && !isKey && (
                      <span className="ml-2 text-sm font-medium text-red-700">(your answer)</span>
                    )}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    );
  }
  if (q.kind === "matching" && draft.kind === "matching") {
    const key = reveal?.key && "pairs" in reveal.key ? reveal.key.pairs : null;
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
  }
  if (q.kind === "cloze" && draft.kind === "cloze") {
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
        {reveal?.key && "text" in reveal.key && (
          <span className="block text-sm font-medium text-emerald-800">Answer: {reveal.key.text}</span>
        )}
      </p>
    );
  }
  if (q.kind === "ordering" && draft.kind === "ordering") {
    const move = (from: number, to: number) => {
      if (to < 0 || to >= draft.order.length) return;
      const order = [...draft.order];
      [order[from], order[to]] = [order[to], order[from]];
      onChange({ kind: "ordering", order });
    };
    const key = reveal?.key && "order" in reveal.key ? reveal.key.order : null;
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
  }
  return null;
}
