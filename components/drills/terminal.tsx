"use client";

import { useEffect, useRef, useState } from "react";
import { commonPrefix } from "@/lib/drills/core/completion";
import { historyStep, reverseSearch } from "@/lib/drills/core/terminal-history";

export interface TerminalLine {
  command: string;
  output: string;
}

interface Props {
  lines: TerminalLine[];
  onRun(command: string): void;
  /** `clear` and Ctrl-L: the screen is wiped; nothing is sent to the cluster, so replays never see it. */
  onClear(): void;
  /** Ctrl-C: the line is abandoned; the screen shows it with ^C, as bash does. */
  onInterrupt(line: string): void;
  complete(line: string): { prefix: string; candidates: string[] };
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

/** Ctrl-R's state: what is being searched for, the history entry it found, and the line it interrupted. */
interface Search {
  query: string;
  match: number | null;
  saved: string;
}

const KEYS_HELP = "Enter runs · ↑ ↓ history · Ctrl-R search · Tab completes · Ctrl-C abandons · Ctrl-L clears";

/**
 * A prompt in a real text field (so arrow keys, Home/End, selection, copy and paste work as in any
 * field, and screen readers read it as one) with a shell's keys on top: history on ↑/↓, Ctrl-R
 * reverse search, Ctrl-C, Ctrl-L and `clear`, Tab completion. Output is plain text, as a shell prints it.
 */
export function Terminal({ lines, onRun, onClear, onInterrupt, complete, busy, maxLength, className }: Props) {
  const [input, setInput] = useState("");
  const [history, setHistory] = useState<string[]>(() => lines.map((l) => l.command).filter(Boolean));
  const [cursor, setCursor] = useState<number | null>(null);
  const [search, setSearch] = useState<Search | null>(null);
  const [hint, setHint] = useState("");
  const screen = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    screen.current?.scrollTo({ top: screen.current.scrollHeight });
  }, [lines]);

  const found = search?.match != null ? history[search.match] : null;

  function submit(line: string) {
    const command = line.trim();
    setInput("");
    setCursor(null);
    setSearch(null);
    setHint("");
    if (!command) return;
    setHistory((h) => [...h, command]);
    if (command === "clear") onClear();
    else onRun(command);
  }

  /** Leaves Ctrl-R with the found line at the prompt, to edit or run. */
  function acceptSearch() {
    if (!search) return input;
    const line = found ?? search.saved;
    setSearch(null);
    setInput(line);
    setHint("");
    return line;
  }

  /** Searches from the newest entry (`older` false) or from before the current match (Ctrl-R again). */
  function searchFor(query: string, older: boolean) {
    const current = search?.match ?? null;
    const match = reverseSearch(history, query, older && current !== null ? current : undefined);
    // With no older match, Ctrl-R keeps the one it has, as bash does.
    setSearch({ query, saved: search?.saved ?? input, match: match ?? (older ? current : null) });
    if (match !== null) setHint("");
    else setHint(older ? `No older command contains "${query}".` : `No command in the history contains "${query}".`);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    const ctrl = e.ctrlKey && !e.metaKey && !e.altKey;
    const key = e.key.toLowerCase();
    if (ctrl && key === "r") {
      e.preventDefault();
      if (!search) {
        setSearch({ query: "", match: null, saved: input });
        setHint("Type to search the history; Ctrl-R again finds older ones, Enter runs, Esc edits, Ctrl-G cancels.");
      } else searchFor(search.query, true);
      return;
    }
    if (ctrl && key === "c") {
      const el = e.currentTarget;
      // With text selected, Ctrl-C copies as anywhere else; without, it abandons the line.
      if (el.selectionStart !== el.selectionEnd) return;
      e.preventDefault();
      onInterrupt(search ? `(reverse-i-search)\`${search.query}': ${found ?? ""}` : input);
      setInput("");
      setSearch(null);
      setCursor(null);
      setHint("");
      return;
    }
    if (ctrl && key === "l") {
      e.preventDefault();
      onClear();
      return;
    }
    if (ctrl && key === "g" && search) {
      e.preventDefault();
      setInput(search.saved);
      setSearch(null);
      setHint("");
      return;
    }
    if (ctrl && (key === "a" || key === "e")) {
      // readline's start and end of line.
      e.preventDefault();
      const el = e.currentTarget;
      const at = key === "a" ? 0 : el.value.length;
      el.setSelectionRange(at, at);
      return;
    }
    if (e.key === "Enter") {
      e.preventDefault();
      if (busy) return;
      submit(search ? acceptSearch() : input);
      return;
    }
    if (search && ["Escape", "ArrowLeft", "ArrowRight", "Home", "End", "ArrowUp", "ArrowDown", "Tab"].includes(e.key)) {
      e.preventDefault();
      acceptSearch();
      return;
    }
    if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      const next = historyStep(history.length, cursor, e.key === "ArrowUp" ? -1 : 1);
      setCursor(next);
      setInput(next === null ? "" : history[next]);
      return;
    }
    if (e.key === "Tab") {
      e.preventDefault();
      const { prefix, candidates } = complete(input);
      if (candidates.length === 0) {
        setHint("No completions.");
        return;
      }
      const shared = candidates.length === 1 ? `${candidates[0]} ` : commonPrefix(candidates);
      setInput(input.slice(0, input.length - prefix.length) + shared);
      setHint(candidates.length > 1 ? candidates.join("  ") : "");
    }
  }

  function onChange(value: string) {
    if (search) searchFor(value, false);
    else {
      setInput(value);
      setCursor(null);
    }
  }

  /** Several lines pasted at once run one by one, as in a shell; the last, unfinished one waits at the prompt. */
  function onPaste(e: React.ClipboardEvent<HTMLInputElement>) {
    const text = e.clipboardData.getData("text");
    if (search || busy || !/[\r\n]/.test(text)) return;
    e.preventDefault();
    const pasted = (input + text).split(/\r?\n|\r/);
    const rest = pasted.pop() ?? "";
    for (const line of pasted) submit(line);
    setInput(rest);
  }

  /** A click on the screen puts the cursor at the prompt, unless the learner is selecting text to copy. */
  function onScreenClick() {
    if (window.getSelection()?.isCollapsed ?? true) field.current?.focus({ preventScroll: true });
  }

  const last = lines[lines.length - 1];
  return (
    <section
      aria-labelledby="terminal-title"
      className={`flex min-h-0 min-w-0 flex-col rounded-lg bg-slate-900 text-slate-100 ${className ?? ""}`}
    >
      <h2 id="terminal-title" className="px-3 pt-2 text-sm font-semibold text-slate-300">
        Terminal
      </h2>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the click only moves focus to the prompt, which the keyboard reaches by Tab */}
      <div
        ref={screen}
        onClick={onScreenClick}
        className="min-h-40 flex-1 overflow-auto px-3 py-2 font-mono text-sm leading-6"
        tabIndex={0}
        role="log"
        aria-label="Terminal output"
      >
        {lines.map((l, i) => (
          <pre key={i} className="whitespace-pre">
            {l.command && (
              <>
                <span className="text-emerald-300">$ </span>
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
          {search ? "(reverse-i-search)`" : "$"}
          <span className="sr-only"> Command</span>
        </label>
        <input
          ref={field}
          id={TERMINAL_INPUT_ID}
          value={search ? search.query : input}
          readOnly={busy}
          aria-busy={busy || undefined}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
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
