import type { ScenarioDraft, ScenarioTemplate } from "./template";

/** The texts of the options a built scenario marks right. */
export function correctTexts(draft: ScenarioDraft): string[] {
  const answers = Array.isArray(draft.answer) ? draft.answer : [draft.answer];
  return draft.options.filter((o) => answers.includes(o.id)).map((o) => o.text);
}

/** Builds a scenario for many seeds, so every variant it draws is checked. */
export const variants = (template: ScenarioTemplate, count = 24) =>
  Array.from({ length: count }, (_, i) => template.build(i * 104729 + 3));
