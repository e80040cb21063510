import type { Item } from "@/lib/quiz/core/types";
import { InlineCode } from "../inline-code";

interface Props {
  /** The radio or checkbox group's name. */
  name: string;
  legend: string;
  multiple: boolean;
  options: Item[];
  chosen: string[];
  /** The right options' ids, once revealed. */
  keys: string[] | null;
  locked: boolean;
  /** Called with the option's 1-based number, as if its number key had been pressed. */
  onPress(n: number): void;
}

/** Numbered options as radio buttons (one answer) or checkboxes (select all that apply). */
export function ChoiceList({ name, legend, multiple, options, chosen, keys, locked, onPress }: Props) {
  return (
    <fieldset className="mt-4">
      <legend className="sr-only">{legend}</legend>
      <ul className="space-y-2">
        {options.map((o, i) => {
          const isChosen = chosen.includes(o.id);
          const isKey = keys?.includes(o.id) ?? false;
          const tone = !keys
            ? isChosen
              ? "border-brand-600 bg-brand-50"
              : "border-slate-200 bg-white"
            : isKey
              ? "border-emerald-600 bg-emerald-50"
              : isChosen
                ? "border-red-500 bg-red-50"
                : "border-slate-200 bg-white";
          return (
            <li key={o.id}>
              <label
                className={`flex cursor-pointer items-start gap-3 rounded-lg border p-3 ${tone} ${locked ? "cursor-default" : "hover:border-brand-600"}`}
              >
                <input
                  type={multiple ? "checkbox" : "radio"}
                  name={name}
                  value={o.id}
                  checked={isChosen}
                  disabled={locked}
                  onChange={() => onPress(i + 1)}
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
                  {keys && isKey && <span className="ml-2 text-sm font-medium text-emerald-800">(correct answer)</span>}
                  {keys && isChosen && !isKey && (
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
