import type { Item } from "@/lib/quiz/core/types";
import { ChoiceList } from "./choice-list";
import type { QuestionKindView } from "./kind-view";

// One right option: single choice here; true/false and odd one out take these parts from this file.

type Chosen = { optionId: string };

/** Number key n chooses option n. */
export function chooseNumbered<R extends Chosen>(q: { options: Item[] }, draft: R, n: number): R {
  const option = q.options[n - 1];
  return option ? { ...draft, optionId: option.id } : draft;
}

/** The draft as a response once an option is chosen (an empty optionId means none is). */
export const requireChosen = <R extends Chosen>(_q: unknown, draft: R): R | string =>
  draft.optionId ? draft : "Choose an option first.";

interface OneChoiceProps<R extends Chosen> {
  question: { id: string; options: Item[] };
  draft: R;
  onChange(draft: R): void;
  locked: boolean;
  answerKey?: R;
  legend?: string;
}

export function OneChoice<R extends Chosen>({
  question,
  draft,
  onChange,
  locked,
  answerKey,
  legend = "Choose one answer",
}: OneChoiceProps<R>) {
  return (
    <ChoiceList
      name={`q-${question.id}`}
      legend={legend}
      multiple={false}
      options={question.options}
      chosen={draft.optionId ? [draft.optionId] : []}
      keys={answerKey ? [answerKey.optionId] : null}
      locked={locked}
      onPress={(n) => onChange(chooseNumbered(question, draft, n))}
    />
  );
}

export const singleView: QuestionKindView<"single"> = {
  emptyDraft: () => ({ kind: "single", optionId: "" }),
  toResponse: requireChosen,
  pressNumber: chooseNumbered,
  Input: OneChoice,
};
