import type { Lesson } from "../../content/types";
import { blankConceptNames } from "./lesson-options";

// A concept's name gives an answer away even in part: "It lives exactly as long as the Pod" among
// statements about a ClusterIP and a Pod IP points at the Pod IP whether or not "Pod IP" is blanked.
// A giveaway word is a word of one concept's name (three letters or more, in no other concept's
// name); it gives an answer away when it shows up in some of the texts a learner chooses between
// but not in all of them, or in a single text asked about a named concept (true/false).

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordPattern = (word: string) => new RegExp(`\\b${escapeRegExp(word)}s?\\b`, "gi");

/** Words of each concept's name that no other concept's name shares: "Pod" for "Pod IP" next to "ClusterIP". */
export function giveawayWords(lesson: Lesson): string[] {
  const wordsOf = (name: string) => name.split(/[\s-]+/).filter((w) => w.length >= 3);
  const all = lesson.concepts.map((c) => new Set(wordsOf(c.name).map((w) => w.toLowerCase())));
  return lesson.concepts.flatMap((c, i) =>
    wordsOf(c.name).filter((w) => all.every((words, j) => j === i || !words.has(w.toLowerCase()))),
  );
}

const mentions = (text: string, word: string) => wordPattern(word).test(text);

/** The giveaway words that tell these texts apart (or, for one text, that it contains). */
export function giveawaysIn(lesson: Lesson, texts: readonly string[]): string[] {
  return giveawayWords(lesson).filter((word) => {
    const count = texts.filter((t) => mentions(t, word)).length;
    return texts.length === 1 ? count === 1 : count > 0 && count < texts.length;
  });
}

/**
 * The texts with every concept name blanked as ▢, and every giveaway word among them too, so only
 * knowing the lesson tells them apart. A word all of them share stays: it tells nothing apart.
 */
export function neutralise(lesson: Lesson, texts: readonly string[]): string[] {
  const blanked = texts.map((t) => blankConceptNames(lesson, t));
  const words = giveawaysIn(lesson, blanked);
  return blanked.map((t) => words.reduce((out, word) => out.replace(wordPattern(word), "▢"), t));
}

/** The note a prompt carries when its options show ▢. */
export const blankedNote = (texts: readonly string[]) =>
  texts.some((t) => t.includes("▢")) ? " (Concept names are blanked out as ▢.)" : "";

/**
 * For hand-written options, which are shown as written: the concept names and giveaway words that
 * occur in some options, every one of them right. "Only the right option says EndpointSlice" is a
 * hint a learner can follow without knowing the lesson.
 */
export function wordsOnlyInRight(lesson: Lesson, options: readonly { text: string; right: boolean }[]): string[] {
  const words = [...new Set([...lesson.concepts.map((c) => c.name), ...giveawayWords(lesson)])];
  return words.filter((word) => {
    const hits = options.filter((o) => mentions(o.text, word));
    return hits.length > 0 && hits.length < options.length && hits.every((o) => o.right);
  });
}
