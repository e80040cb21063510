// "a" or "an" before a phrase, by how it is said rather than how it is spelled: initialisms such as
// IPVS or SRV are read letter by letter ("an IPVS scheduler", "an SRV record"), words by their sound.

/** Letters whose spoken name starts with a vowel sound: "an F", "an S", "an X". */
const VOWEL_SOUND_LETTERS = new Set("AEFHILMNORSX");

/** Words that start with a vowel letter but a consonant sound ("a unique", "a one-off"). */
const CONSONANT_SOUND = /^(uni|use|usu|ur[aeiou]|eu|one\b|once\b)/i;

/** Words that start with a consonant letter but a vowel sound. */
const VOWEL_SOUND = /^(hour|honest|honou?r|heir)/i;

export type Article = "a" | "an" | "none";

/** The indefinite article for a phrase, from its first word. */
export function indefiniteArticle(phrase: string): "a" | "an" {
  const word =
    phrase
      .trim()
      .replace(/^[`“"'(]+/, "")
      .split(/[\s-]/)[0] ?? "";
  // An initialism: two or more capitals, or one capital alone ("A record"), read as letters.
  if (/^[A-Z]{2,}/.test(word) && !/^[A-Z][a-z]/.test(word)) return VOWEL_SOUND_LETTERS.has(word[0]) ? "an" : "a";
  if (/^[A-Z]$/.test(word)) return VOWEL_SOUND_LETTERS.has(word) ? "an" : "a";
  if (/^[0-9]/.test(word)) return /^(8|11|18)/.test(word) ? "an" : "a";
  if (VOWEL_SOUND.test(word)) return "an";
  if (CONSONANT_SOUND.test(word)) return "a";
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** The phrase with its article ("a ClusterIP", "an IPVS scheduler"); `none` for mass nouns ("session affinity"). */
export function withArticle(phrase: string, article?: Article): string {
  const chosen = article ?? indefiniteArticle(phrase);
  return chosen === "none" ? phrase : `${chosen} ${phrase}`;
}
