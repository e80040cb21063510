import { describe, expect, it } from "vitest";
import {
  type EditorKey,
  emptyEditor,
  type LineEditor,
  pasteInto,
  pressKey,
  searchMatch,
  typeInto,
} from "./line-editor";

// The keys as bash's readline gives them (GNU Readline manual, "Commands for Moving", "Commands for
// Manipulating the History": reverse-search-history on C-r, abort on C-g; C-c is the terminal's
// interrupt, C-l clear-screen).

const ctx = {
  complete: (line: string) => ({ prefix: line, candidates: "help".startsWith(line) ? ["help"] : [] }),
  busy: false,
};
const key = (k: string, ctrl = false, selection = false): EditorKey => ({ key: k, ctrl, selection });
/** Presses the keys in turn; each must be the editor's. */
function press(editor: LineEditor, ...keys: EditorKey[]) {
  const effects = [];
  for (const k of keys) {
    const r = pressKey(editor, k, ctx);
    if (!r) throw new Error(`${k.key} was left to the field`);
    editor = r.editor;
    effects.push(...r.effects);
  }
  return { editor, effects };
}
const history = ["kubectl get pods", "curl web", "kubectl get svc"];

describe("the drill terminal's line editor", () => {
  it("Enter runs the line and keeps it in the history; clear only wipes the screen; a blank line does nothing", () => {
    const typed = typeInto(emptyEditor([]), "  kubectl get pods ");
    const ran = press(typed, key("Enter"));
    expect(ran.effects).toEqual([{ kind: "run", command: "kubectl get pods" }]);
    expect(ran.editor).toMatchObject({ input: "", history: ["kubectl get pods"] });
    expect(press(typeInto(ran.editor, "clear"), key("Enter")).effects).toEqual([{ kind: "clear" }]);
    expect(press(emptyEditor([]), key("Enter")).effects).toEqual([]);
  });

  it("Enter waits while a step is being graded", () => {
    const r = pressKey(typeInto(emptyEditor([]), "help"), key("Enter"), { ...ctx, busy: true });
    expect(r).toMatchObject({ editor: { input: "help" }, effects: [] });
  });

  it("↑ and ↓ walk the history; ↓ on the line being typed keeps it", () => {
    const e = emptyEditor(history);
    expect(press(e, key("ArrowUp")).editor.input).toBe("kubectl get svc");
    expect(press(e, key("ArrowUp"), key("ArrowUp"), key("ArrowDown")).editor.input).toBe("kubectl get svc");
    expect(press(typeInto(e, "kub"), key("ArrowDown")).editor.input).toBe("kub");
  });

  it("Ctrl-R finds the newest match, again an older one, keeps the last when none is older; Enter runs it", () => {
    let e = press(emptyEditor(history), key("r", true)).editor;
    e = typeInto(e, "get");
    expect(searchMatch(e)).toBe("kubectl get svc");
    e = press(e, key("r", true)).editor;
    expect(searchMatch(e)).toBe("kubectl get pods");
    e = press(e, key("r", true)).editor;
    expect(searchMatch(e)).toBe("kubectl get pods");
    expect(e.hint).toBe('No older command contains "get".');
    expect(press(e, key("Enter")).effects).toEqual([{ kind: "run", command: "kubectl get pods" }]);
  });

  it("Esc or an arrow leaves the search with the match to edit; Ctrl-G brings back the line it interrupted", () => {
    const searching = typeInto(press(typeInto(emptyEditor(history), "draft"), key("r", true)).editor, "curl");
    expect(press(searching, key("Escape")).editor).toMatchObject({ input: "curl web", search: null });
    expect(press(searching, key("ArrowLeft")).editor.input).toBe("curl web");
    expect(press(searching, key("g", true)).editor).toMatchObject({ input: "draft", search: null });
    expect(typeInto(searching, "nslookup").hint).toBe('No command in the history contains "nslookup".');
  });

  it("Ctrl-C abandons the line (shown with ^C by the terminal) unless text is selected, when it copies", () => {
    const e = typeInto(emptyEditor(history), "kubectl get po");
    expect(press(e, key("c", true))).toMatchObject({
      editor: { input: "" },
      effects: [{ kind: "interrupt", line: "kubectl get po" }],
    });
    expect(pressKey(e, key("c", true, true), ctx)).toBeNull();
  });

  it("Ctrl-L clears the screen and keeps the line", () => {
    const r = press(typeInto(emptyEditor([]), "kubectl get po"), key("l", true));
    expect(r).toMatchObject({ editor: { input: "kubectl get po" }, effects: [{ kind: "clear" }] });
  });

  it("Tab completes the word, or lists the candidates; typing and caret keys stay the field's", () => {
    expect(press(typeInto(emptyEditor([]), "he"), key("Tab")).editor.input).toBe("help ");
    expect(press(typeInto(emptyEditor([]), "x"), key("Tab")).editor.hint).toBe("No completions.");
    for (const k of ["a", "ArrowLeft", "Home", "End", "Backspace"])
      expect(pressKey(emptyEditor([]), key(k), ctx)).toBeNull();
  });

  it("several pasted lines run in turn; the unfinished last one waits at the prompt", () => {
    const r = pasteInto(typeInto(emptyEditor([]), "kubectl "), "get pods\nhelp\r\nclear\nkubectl get d");
    expect(r!.effects).toEqual([
      { kind: "run", command: "kubectl get pods" },
      { kind: "run", command: "help" },
      { kind: "clear" },
    ]);
    expect(r!.editor).toMatchObject({ input: "kubectl get d", history: ["kubectl get pods", "help", "clear"] });
    expect(pasteInto(emptyEditor([]), "one line")).toBeNull();
  });
});
