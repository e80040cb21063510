"use client";

import { useEffect, useRef, useState } from "react";
import {
  type EditorResult,
  emptyEditor,
  type LineEditor,
  pasteInto,
  pressKey,
  searchMatch,
  typeInto,
} from "@/lib/drills/core/line-editor";

export interface TerminalLine {
  command: string;
  output: string;
  /** The prompt the command was typed at ("$ " on the learner's machine, "/ # " in a container's shell). */
  prompt?: string;
}

interface Props {
  lines: TerminalLine[];
  /** What the next command is typed at: the cluster's current shell. */
  prompt?: string;
  onRun(command: string): void;
  /** `clear` and Ctrl-L: the screen is wiped; nothing is sent to the cluster, so replays never see it. */
  onClear(): void;
  /** Ctrl-C: the line is abandoned; the screen shows it with ^C, as bash does. */
  onInterrupt(line: string): void;
  complete(line: string): { prefix: string; candidates: string[] };
  /**
   * False while what completes is still loading: a Tab pressed then completes once it is ready (the
   * drill page loads the simulator on the learner's first use of the terminal).
   */
  completionReady?: boolean;
  /** The learner turns to the terminal (focus, a click, a key): the drill page starts loading the simulator. */
  onActivate?(): void;
  /** While a step is being graded: the prompt keeps focus but takes no command. */
  busy?: boolean;
  maxLength?: number;
  className?: string;
}

export const TERMINAL_INPUT_ID = "terminal-input";

/** Puts the cursor back at the prompt without scrolling the page (after a step is checked, say), if the prompt is on screen. */
export function focusTerminal() {
  const input = document.getElementById(TERMINAL_INPUT_ID);
  // On a phone the prompt may sit in a tab not shown: the focus then stays where the learner is.
  if (input?.checkVisibility()) input.focus({ preventScroll: true });
}

/**
 * Something asked for before `ready` (a Tab before completion has loaded): `defer()` marks it, and
 * `action` runs once `ready` turns true, with what is on screen then.
 */
function useWhenReady(ready: boolean, action: () => void): () => void {
  const pending = useRef(false);
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (!ready || !pending.current) return;
    pending.current = false;
    latest.current();
  }, [ready]);
  return () => {
    pending.current = true;
  };
}

const KEYS_HELP = "Enter runs · ↑ ↓ history · Ctrl-R search · Tab completes · Ctrl-C abandons · Ctrl-L clears";

/**
 * A prompt in a real text field (so arrow keys, Home/End, selection, copy and paste work as in any
 * field, and screen readers read it as one) with a shell's keys on top, from the line editor in
 * lib/drills/core: history on ↑/↓, Ctrl-R reverse search, Ctrl-C, Ctrl-L and `clear`, Tab
 * completion. Output is plain text, as a shell prints it.
 */
export function Terminal({
  lines,
  prompt = "$ ",
  onRun,
  onClear,
  onInterrupt,
  complete,
  completionReady = true,
  onActivate,
  busy,
  maxLength,
  className,
}: Props) {
  const [editor, setEditor] = useState<LineEditor>(() => emptyEditor(lines.map((l) => l.command).filter(Boolean)));
  const screen = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the newest output is in view after every change of the lines
  useEffect(() => {
    screen.current?.scrollTo({ top: screen.current.scrollHeight });
  }, [lines]);

  const deferTab = useWhenReady(completionReady, () => {
    const result = pressKey(editor, { key: "Tab", ctrl: false, selection: false }, { complete, busy: !!busy });
    if (result) apply(result);
  });

  function apply({ editor: next, effects }: EditorResult) {
    setEditor(next);
    for (const effect of effects) {
      if (effect.kind === "run") onRun(effect.command);
      else if (effect.kind === "clear") onClear();
      else onInterrupt(effect.line);
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    const el = e.currentTarget;
    const ctrl = e.ctrlKey && !e.metaKey && !e.altKey;
    if (ctrl && (e.key === "a" || e.key === "e") && !editor.search) {
      // readline's start and end of line: the caret is the field's own.
      e.preventDefault();
      const at = e.key === "a" ? 0 : el.value.length;
      el.setSelectionRange(at, at);
      return;
    }
    const selection = el.selectionStart !== el.selectionEnd;
    if (e.key === "Tab" && !ctrl && !completionReady && !editor.search) {
      e.preventDefault();
      deferTab();
      return onActivate?.();
    }
    const result = pressKey(editor, { key: e.key, ctrl, selection }, { complete, busy: !!busy });
    if (!result) return;
    e.preventDefault();
    apply(result);
  }

  function onPaste(e: React.ClipboardEvent<HTMLInputElement>) {
    if (busy) return;
    const result = pasteInto(editor, e.clipboardData.getData("text"));
    if (!result) return;
    e.preventDefault();
    apply(result);
  }

  /** A click on the screen puts the cursor at the prompt, unless the learner is selecting text to copy. */
  function onScreenClick() {
    if (window.getSelection()?.isCollapsed ?? true) field.current?.focus({ preventScroll: true });
  }

  const { search, hint } = editor;
  const found = searchMatch(editor);
  const last = lines[lines.length - 1];
  return (
    <section
      aria-labelledby="terminal-title"
      className={`scheme-light flex min-h-0 min-w-0 flex-col rounded-lg bg-slate-900 text-slate-100 ${className ?? ""}`}
    >
      <h2 id="terminal-title" className="px-3 pt-2 text-sm font-semibold text-slate-300">
        Terminal
      </h2>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the click only moves focus to the prompt, which the keyboard reaches by Tab */}
      <div
        ref={screen}
        onClick={onScreenClick}
        onFocus={onActivate}
        className="min-h-40 flex-1 overflow-auto px-3 py-2 font-mono text-sm leading-6"
        tabIndex={0}
        role="log"
        aria-label="Terminal output"
      >
        {lines.map((l, i) => (
          <pre key={i} className="whitespace-pre">
            {l.command && (
              <>
                <span className="text-emerald-300">{l.prompt ?? "$ "}</span>
                {l.command}
                {"\n"}
              </>
            )}
            <span className="text-slate-300">{l.output}</span>
          </pre>
        ))}
      </div>
      {/* The newest output, for screen readers, without re-reading the whole transcript. */}
      <p className="sr-only" aria-live="polite">
        {last ? `${last.command}: ${last.output}` : ""}
      </p>
      <div className="flex items-center gap-2 border-t border-slate-700 px-3 py-2 font-mono text-sm">
        <label htmlFor={TERMINAL_INPUT_ID} className="shrink-0 text-emerald-300">
          {search ? "(reverse-i-search)`" : prompt.trimEnd()}
          <span className="sr-only"> Command</span>
        </label>
        <input
          ref={field}
          id={TERMINAL_INPUT_ID}
          value={search ? search.query : editor.input}
          readOnly={busy}
          aria-busy={busy || undefined}
          maxLength={maxLength}
          onChange={(e) => setEditor(typeInto(editor, e.target.value))}
          onKeyDown={onKeyDown}
          onFocus={onActivate}
          onPaste={onPaste}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-describedby="terminal-help"
          style={search ? { width: `${search.query.length + 1}ch` } : undefined}
          className={`${search ? "flex-none" : "min-w-0 flex-1"} bg-transparent text-slate-100 outline-none placeholder:text-slate-400`}
          placeholder={search ? undefined : "kubectl get pods -o wide"}
        />
        {search && (
          <span className="min-w-0 flex-1 truncate" data-testid="search-match">
            <span className="text-emerald-300">&apos;: </span>
            {found ?? ""}
          </span>
        )}
      </div>
      <p id="terminal-help" aria-live="polite" className="px-3 pb-2 text-xs text-slate-300">
        {hint || (search ? `Found: ${found ?? "nothing yet"}` : KEYS_HELP)}
      </p>
    </section>
  );
}
