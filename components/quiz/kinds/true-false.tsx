import type { QuestionKindView } from "./kind-view";
import { chooseNumbered, OneChoice, requireChosen } from "./single";

/** True or false: a single choice between two options, shown the same way. */
export const trueFalseView: QuestionKindView<"true-false"> = {
  emptyDraft: () => ({ kind: "true-false", optionId: "" }),
  toResponse: requireChosen,
  pressNumber: chooseNumbered,
  Input: OneChoice,
};
