// The drill terminal's history, as bash's readline keeps it: Up and Down walk it from the newest
// entry, Ctrl-R searches it backwards for a line containing what was typed (reverse-i-search).

/**
 * Where Up (-1) or Down (+1) moves from `cursor` (null: the line being typed, below the newest
 * entry). Null means back at the line being typed; Up at the oldest entry stays there.
 */
export function historyStep(length: number, cursor: number | null, direction: -1 | 1): number | null {
  if (length === 0) return null;
  if (cursor === null) return direction === -1 ? length - 1 : null;
  const next = cursor + direction;
  if (next >= length) return null;
  return Math.max(0, next);
}

/** The newest entry older than `before` that contains `query` (Ctrl-R again passes the last match), or null. */
export function reverseSearch(history: readonly string[], query: string, before = history.length): number | null {
  for (let i = Math.min(before, history.length) - 1; i >= 0; i--) if (history[i].includes(query)) return i;
  return null;
}
