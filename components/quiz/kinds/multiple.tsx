import { ChoiceList } from "./choice-list";
import type { QuestionKindView } from "./kind-view";

type MultipleView = QuestionKindView<"multiple">;

/** Number key n toggles option n. */
const toggleNumbered: NonNullable<MultipleView["pressNumber"]> = (q, draft, n) => {
  const option = q.options[n - 1];
  if (!option) return draft;
  const on = draft.optionIds.includes(option.id);
  return {
    kind: "multiple",
    optionIds: on ? draft.optionIds.filter((id) => id !== option.id) : [...draft.optionIds, option.id],
  };
};

export const multipleView: MultipleView = {
  emptyDraft: () => ({ kind: "multiple", optionIds: [] }),
  toResponse: (_q, draft) => (draft.optionIds.length > 0 ? draft : "Select at least one option."),
  pressNumber: toggleNumbered,
  Input({ question, draft, onChange, locked, answerKey }) {
    return (
      <ChoiceList
        name={`q-${question.id}`}
        legend="Select all that apply"
        multiple
        options={question.options}
        chosen={draft.optionIds}
        keys={answerKey ? answerKey.optionIds : null}
        locked={locked}
        onPress={(n) => onChange(toggleNumbered(question, draft, n))}
      />
    );
  },
};
