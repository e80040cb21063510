"use client";

import { useEffect, useRef, useState } from "react";
import { commonPrefix } from "@/lib/drills/core/completion";

export interface TerminalLine {
  command: string;
  output: string;
}

interface Props {
  lines: TerminalLine[];
  onRun(command: string): void;
  complete(line: string): { prefix: string; candidates: string[] };
  disabled?: boolean;
  maxLength?: number;
}

/** A prompt with history (↑/↓), Tab completion and the transcript; output is plain text, as a shell prints it. */
export function Terminal({ lines, onRun, complete, disabled, maxLength }: Props) {
  const [input, setInput] = useState("");
  const [history, setHistory] = useState<string[]>(() => lines.map((l) => l.command).filter(Boolean));
  const [cursor, setCursor] = useState<number | null>(null);
  const [hint, setHint] = useState("");
  const screen = useRef<HTMLDivElement>(null);
  useEffect(() => {
    screen.current?.scrollTo({ top: screen.current.scrollHeight });
  }, [lines.length]);

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "Enter") {
      e.preventDefault();
      const command = input.trim();
      if (!command) return;
      onRun(command);
      setHistory((h) => [...h, command]);
      setCursor(null);
      setInput("");
      setHint("");
    } else if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      if (history.length === 0) return;
      const next =
        cursor === null ? (e.key === "ArrowUp" ? history.length - 1 : null) : cursor + (e.key === "ArrowUp" ? -1 : 1);
      if (next === null || next >= history.length) {
        setCursor(null);
        setInput("");
      } else {
        const at = Math.max(0, next);
        setCursor(at);
        setInput(history[at]);
      }
    } else if (e.key === "Tab") {
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

  const last = lines[lines.length - 1];
  return (
    <section aria-labelledby="terminal-title" className="rounded-lg bg-slate-900 text-slate-100">
      <h2 id="terminal-title" className="px-3 pt-2 text-sm font-semibold text-slate-300">
        Terminal
      </h2>
      <div
        ref={screen}
        className="h-80 overflow-auto px-3 py-2 font-mono text-sm leading-6"
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
        <label htmlFor="terminal-input" className="text-emerald-300">
          $<span className="sr-only"> Command</span>
        </label>
        <input
          id="terminal-input"
          value={input}
          disabled={disabled}
          maxLength={maxLength}
          onChange={(e) => {
            setInput(e.target.value);
            setCursor(null);
          }}
          onKeyDown={onKeyDown}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-describedby="terminal-help"
          className="flex-1 bg-transparent text-slate-100 outline-none placeholder:text-slate-500"
          placeholder="kubectl get pods -o wide"
        />
      </div>
      <p id="terminal-help" className="px-3 pb-2 text-xs text-slate-400">
        {hint || "Enter runs · ↑ ↓ history · Tab completes commands and names"}
      </p>
    </section>
  );
}
