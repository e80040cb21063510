// Working with the words of a lesson: shared by the quiz and flashcard generators.

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces each of `names` (and its plural) with ▢, longest name first, so a name cannot give an answer away. */
export function blankNames(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of [...names].sort((a, b) => b.length - a.length))
    out = out.replace(new RegExp(`\\b${escapeRegExp(name)}s?\\b`, "gi"), "▢");
  return out;
}

/**
 * The first of `candidates` that occurs exactly once in `text` as a whole word (any case), with the
 * words as written there and where they start; null when none does.
 */
export function findTerm(
  text: string,
  candidates: readonly string[],
): { term: string; found: string; at: number } | null {
  for (const term of candidates) {
    const matches = text.match(new RegExp(`\\b${escapeRegExp(term)}\\b`, "gi")) ?? [];
    if (matches.length !== 1) continue;
    const at = text.search(new RegExp(`\\b${escapeRegExp(term)}\\b`, "i"));
    return { term, found: text.slice(at, at + matches[0].length), at };
  }
  return null;
}
