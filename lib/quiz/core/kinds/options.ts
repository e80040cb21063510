import type { Item, Option } from "../types";
import type { PublicContext } from "./kind-module";

// Helpers for the kinds whose questions are a list of options (single, true/false, multiple...).

const norm = (t: string) => t.trim().toLowerCase();

export const hasUniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** The problems of a list of options with these right ones (`keys`); empty when there are none. */
export function optionProblems(options: readonly Option[], keys: readonly string[]): string[] {
  const problems: string[] = [];
  if (options.length < 2) problems.push("fewer than two options");
  if (!hasUniqueIds(options.map((o) => o.id))) problems.push("duplicate option ids");
  if (new Set(options.map((o) => norm(o.text))).size !== options.length) problems.push("duplicate option texts");
  if (keys.length === 0) problems.push("no correct option");
  if (keys.some((k) => options.filter((o) => o.id === k).length !== 1))
    problems.push("the answer is not among the options exactly once");
  return problems;
}

export const isOption = (options: readonly Item[], id: string) => options.some((o) => o.id === id);

/** Options or items as the browser gets them: id and text only, the id made public. */
export const publicItems = (list: readonly Item[], ctx: PublicContext): Item[] =>
  list.map(({ id, text }) => ({ id: ctx.publicId(id), text }));

/** The texts of the options with these ids, in the ids' order. */
export const optionTexts = (options: readonly Item[], ids: readonly string[]) =>
  ids.map((id) => options.find((o) => o.id === id)?.text ?? "(unknown option)");

/** The misconception of the first picked option that carries one. */
export const pickedMisconception = (options: readonly Option[], picked: readonly string[]) =>
  options.find((o) => picked.includes(o.id) && o.misconception)?.misconception ?? null;

const mark = (on: boolean) => (on ? "[x]" : "[ ]");

/** Preview lines: every option, the right ones ticked, distractors with their misconception. */
export const optionLines = (options: readonly Option[], isRight: (id: string) => boolean) =>
  options.map(
    (o) => `${mark(isRight(o.id))} ${o.text}${o.misconception ? `   (misconception: ${o.misconception})` : ""}`,
  );
