import { historyStep, reverseSearch } from "./terminal-history";

// The drill terminal's line editor, as a state and what each key does to it, so the keys a learner
// knows from bash's readline can be tested without a browser. The browser keeps what a text field
// does well by itself: typing, moving the caret (←/→, Home/End), selecting, copying.

/** Ctrl-R: what is searched for, the history entry found, and the line it interrupted (Ctrl-G brings it back). */
export interface ReverseSearch {
  query: string;
  match: number | null;
  saved: string;
}

export interface LineEditor {
  input: string;
  history: readonly string[];
  /** Where ↑/↓ stand in the history; null: on the line being typed. */
  cursor: number | null;
  search: ReverseSearch | null;
  /** What the terminal says under the prompt: completions, a search's result, nothing found. */
  hint: string;
}

/** What the terminal must do besides showing the new state. */
export type EditorEffect =
  | { kind: "run"; command: string }
  /** `clear` or Ctrl-L: wipe the screen; nothing is sent to the cluster. */
  | { kind: "clear" }
  /** Ctrl-C: the line as it stood, shown with ^C. */
  | { kind: "interrupt"; line: string };

export interface EditorResult {
  editor: LineEditor;
  effects: EditorEffect[];
}

export interface EditorKey {
  key: string;
  ctrl: boolean;
  /** Text is selected in the field: Ctrl-C then copies, as everywhere else. */
  selection: boolean;
}

export interface EditorContext {
  complete(line: string): { prefix: string; candidates: string[] };
  /** A step is being graded: Enter waits. */
  busy: boolean;
}

export const SEARCH_HELP =
  "Type to search the history; Ctrl-R again finds older ones, Enter runs, Esc edits, Ctrl-G cancels.";

export const emptyEditor = (history: readonly string[]): LineEditor => ({
  input: "",
  history,
  cursor: null,
  search: null,
  hint: "",
});

/** The history entry Ctrl-R has found, if any. */
export const searchMatch = (editor: LineEditor): string | null =>
  editor.search?.match != null ? editor.history[editor.search.match] : null;

const none = (editor: LineEditor): EditorResult => ({ editor, effects: [] });

/** Enter: the line runs (or clears the screen), joins the history, and the prompt is empty again. */
export function submitLine(editor: LineEditor, line: string): EditorResult {
  const command = line.trim();
  const next = { ...emptyEditor(editor.history) };
  if (!command) return none(next);
  next.history = [...editor.history, command];
  return { editor: next, effects: [command === "clear" ? { kind: "clear" } : { kind: "run", command }] };
}

/** Leaves Ctrl-R with the line it found (or the one it interrupted) at the prompt. */
function acceptSearch(editor: LineEditor): LineEditor {
  if (!editor.search) return editor;
  return { ...editor, input: searchMatch(editor) ?? editor.search.saved, search: null, hint: "" };
}

/** Searches from the newest entry, or (`older`) from before the current match, as Ctrl-R again does. */
function searchFor(editor: LineEditor, query: string, older: boolean): LineEditor {
  const current = editor.search?.match ?? null;
  const match = reverseSearch(editor.history, query, older && current !== null ? current : undefined);
  const saved = editor.search?.saved ?? editor.input;
  // With no older match, Ctrl-R keeps the one it has, as bash does.
  const search = { query, saved, match: match ?? (older ? current : null) };
  const hint =
    match !== null
      ? ""
      : older
        ? `No older command contains "${query}".`
        : `No command in the history contains "${query}".`;
  return { ...editor, search, hint };
}

/** What the learner typed into the field (in a search, the query). */
export function typeInto(editor: LineEditor, value: string): LineEditor {
  if (editor.search) return searchFor(editor, value, false);
  return { ...editor, input: value, cursor: null };
}

/** Text pasted with line breaks: each finished line runs in turn; the last, unfinished one waits at the prompt. */
export function pasteInto(editor: LineEditor, text: string): EditorResult | null {
  if (editor.search || !/[\r\n]/.test(text)) return null;
  const lines = (editor.input + text).split(/\r?\n|\r/);
  const rest = lines.pop() ?? "";
  let state = editor;
  const effects: EditorEffect[] = [];
  for (const line of lines) {
    const r = submitLine(state, line);
    state = r.editor;
    effects.push(...r.effects);
  }
  return { editor: { ...state, input: rest }, effects };
}

/** The longest start shared by all candidates. */
export function commonPrefix(words: string[]): string {
  if (words.length === 0) return "";
  let out = words[0];
  for (const w of words) while (!w.startsWith(out)) out = out.slice(0, -1);
  return out;
}

function complete(editor: LineEditor, ctx: EditorContext): LineEditor {
  const { prefix, candidates } = ctx.complete(editor.input);
  if (candidates.length === 0) return { ...editor, hint: "No completions." };
  const shared = candidates.length === 1 ? `${candidates[0]} ` : commonPrefix(candidates);
  return {
    ...editor,
    input: editor.input.slice(0, editor.input.length - prefix.length) + shared,
    hint: candidates.length > 1 ? candidates.join("  ") : "",
  };
}

const LEAVES_SEARCH = new Set(["Escape", "ArrowLeft", "ArrowRight", "Home", "End", "ArrowUp", "ArrowDown", "Tab"]);

/** A key the editor handles, or null: the field does what it always does (type, move the caret, copy). */
export function pressKey(editor: LineEditor, k: EditorKey, ctx: EditorContext): EditorResult | null {
  const key = k.key.length === 1 ? k.key.toLowerCase() : k.key;
  if (k.ctrl && key === "r") {
    if (!editor.search)
      return none({ ...editor, search: { query: "", match: null, saved: editor.input }, hint: SEARCH_HELP });
    return none(searchFor(editor, editor.search.query, true));
  }
  if (k.ctrl && key === "c") {
    if (k.selection) return null;
    const line = editor.search
      ? `(reverse-i-search)\`${editor.search.query}': ${searchMatch(editor) ?? ""}`
      : editor.input;
    return { editor: emptyEditor(editor.history), effects: [{ kind: "interrupt", line }] };
  }
  if (k.ctrl && key === "l") return { editor, effects: [{ kind: "clear" }] };
  if (k.ctrl && key === "g" && editor.search)
    return none({ ...editor, input: editor.search.saved, search: null, hint: "" });
  if (key === "Enter") {
    if (ctx.busy) return none(editor);
    return editor.search ? submitLine(editor, acceptSearch(editor).input) : submitLine(editor, editor.input);
  }
  if (editor.search && LEAVES_SEARCH.has(key)) return none(acceptSearch(editor));
  if (key === "ArrowUp" || key === "ArrowDown") {
    // Down below the newest entry, or an empty history: nothing to walk to, the line stays.
    if (editor.cursor === null && (key === "ArrowDown" || editor.history.length === 0)) return none(editor);
    const cursor = historyStep(editor.history.length, editor.cursor, key === "ArrowUp" ? -1 : 1);
    return none({ ...editor, cursor, input: cursor === null ? "" : editor.history[cursor] });
  }
  if (key === "Tab") return none(complete(editor, ctx));
  return null;
}
