import type { QuestionKind } from "@/lib/quiz/core/types";
import { clozeView } from "./cloze";
import type { QuestionKindView } from "./kind-view";
import { matchingView } from "./matching";
import { multipleView } from "./multiple";
import { oddOneOutView } from "./odd-one-out";
import { orderingView } from "./ordering";
import { singleView } from "./single";
import { trueFalseView } from "./true-false";

/** How the browser shows and collects an answer for each question kind; a kind missing here fails the type check. */
export const kindViews: { [K in QuestionKind]: QuestionKindView<K> } = {
  single: singleView,
  "true-false": trueFalseView,
  multiple: multipleView,
  matching: matchingView,
  cloze: clozeView,
  ordering: orderingView,
  "odd-one-out": oddOneOutView,
};

/** A kind's view for code that handles any question; it is given questions and drafts of that kind only. */
export const kindView = (kind: QuestionKind): QuestionKindView<QuestionKind> => kindViews[kind];
