import type { KindInputProps, QuestionKindView } from "./kind-view";
import { chooseNumbered, OneChoice, requireChosen } from "./single";

/** Four numbered options as radio buttons; the learner picks the one that does not belong. */
function OddOneOutInput(props: KindInputProps<"odd-one-out">) {
  return <OneChoice {...props} legend="Choose the one that does not belong" />;
}

export const oddOneOutView: QuestionKindView<"odd-one-out"> = {
  emptyDraft: () => ({ kind: "odd-one-out", optionId: "" }),
  toResponse: requireChosen,
  pressNumber: chooseNumbered,
  Input: OddOneOutInput,
};
