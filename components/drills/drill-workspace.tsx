"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import {
  checkTaskAction,
  commitPredictionAction,
  resetDrillAction,
  saveDrillEventsAction,
  taskSolutionAction,
} from "@/app/drills/actions";
import { Button } from "@/components/ui/button";
import type { DrillRun, Observation, TranscriptLine } from "@/lib/drills/core/drill-run";
import type { DrillView, PredictionView } from "@/lib/drills/core/drill-view";
import { COMMIT_FIRST, type OpenPrediction } from "@/lib/drills/core/open-prediction";
import type { Drill, DrillEvent, DrillStep, PredictStep, StepResult, TaskStep } from "@/lib/drills/core/types";
import { LINE_TOO_LONG, MAX_EVENTS, MAX_LINE, TOO_MANY_EVENTS } from "@/lib/drills/service/limits";
import { InlineCode } from "../quiz/inline-code";
import { ClusterView } from "./cluster-view";
import { type DrillPane, DrillTabs, paneProps, useWideScreen } from "./drill-tabs";
import { TaskHelp } from "./task-help";
import { focusTerminal, Terminal, type TerminalLine } from "./terminal";

interface Props {
  drill: Drill;
  events: DrillEvent[];
  results: Record<string, StepResult>;
  /** Where the current step opened in `events`: commands after it can be undone. */
  stepStart: number;
  openPrediction: OpenPrediction | null;
  /** The server's count of failed checks of the task open now. */
  failedChecks: number;
  lessonTitle: string;
  /** The server's replay of the saved run: what the page shows until the simulator has loaded here. */
  view: DrillView | null;
  /** Why the saved run cannot continue (shown instead of a cluster; Reset starts over). */
  problem: string | null;
}

/** The simulator's half of the page (drill-engine.ts), loaded on first use of the terminal. */
type Engine = typeof import("./drill-engine");
const loadEngine = () => import("./drill-engine");

const ENGINE_FAILED = "The terminal could not load. Check your connection and reload the page.";

/** Shown where no replay could be made (the drill changed under a saved run): an empty cluster. */
const NO_VIEW: DrillView = {
  transcript: [],
  prompt: "$ ",
  snapshot: { nodes: [], pending: [], services: [], lastRequest: null },
  predictions: {},
  tasks: {},
  openTask: null,
};

const ALREADY_ANSWERED =
  "This step was already answered (in another tab?); that first answer stands. Reload the page to see it.";

const transcriptOf = (drill: Drill, transcript: readonly TranscriptLine[]): TerminalLine[] => [
  {
    command: "",
    output: `Drill cluster ready: ${drill.setup.length} set-up command(s) ran. Try kubectl get pods -o wide\n`,
  },
  ...transcript,
];

type Feedback =
  | { kind: "prediction"; correct: boolean; correctIndex: number; choice: number; observations: Observation[] }
  | { kind: "task"; passed: boolean; checks: { passed: boolean; message: string }[] };

export function DrillWorkspace(props: Props) {
  const [drill, setDrill] = useState(props.drill);
  // Committed predictions keep the wording they had when the learner answered them.
  const [frozen] = useState(() => new Map<string, PredictionView>());
  // The browser's own run, once the simulator has loaded (ensureEngine); until then the server's view.
  const engine = useRef<{ lib: Engine; run: DrillRun } | null>(null);
  const engineLoad = useRef<Promise<{ lib: Engine; run: DrillRun }> | null>(null);
  /** Commands entered before the simulator arrived: they run, in order, as soon as it has. */
  const queued = useRef<string[]>([]);
  const [events, setEvents] = useState<DrillEvent[]>(props.events);
  const [results, setResults] = useState(props.results);
  const [stepStart, setStepStart] = useState(props.stepStart);
  const [openPrediction, setOpenPrediction] = useState(props.openPrediction);
  const [lines, setLines] = useState<TerminalLine[]>(() =>
    props.view ? transcriptOf(props.drill, props.view.transcript) : [],
  );
  const [tick, setTick] = useState(0);
  const [feedback, setFeedback] = useState<Record<string, Feedback>>({});
  const [choice, setChoice] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(props.problem);
  const [pending, startTransition] = useTransition();
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [failedChecks, setFailedChecks] = useState<Record<string, number>>(() => {
    const open = props.drill.steps.find((s) => !props.results[s.id]);
    return open ? { [open.id]: props.failedChecks } : {};
  });
  const [pane, setPane] = useState<DrillPane>("steps");
  const wide = useWideScreen();
  /** On a phone, a step done while the terminal or cluster shows: said there, with the way to the next one. */
  const [notice, setNotice] = useState<string | null>(null);
  const where = useRef({ pane, wide });
  where.current = { pane, wide };
  function showPane(next: DrillPane) {
    setPane(next);
    if (next === "steps") setNotice(null);
  }
  /** The step and command (tick) a live goal last asked the server about, so one state is checked once. */
  const autoChecked = useRef("");
  const root = useRef<HTMLDivElement>(null);

  const current = drill.steps.find((s) => !results[s.id]) ?? null;
  const serverView = props.view;
  const latest = useRef({ drill, events });
  latest.current = { drill, events };

  /** Loads the simulator and replays the run on it, once; everything that changes the cluster waits for it. */
  const ensureEngine = useCallback((): Promise<{ lib: Engine; run: DrillRun }> => {
    engineLoad.current ??= loadEngine().then(
      (lib) => {
        const run = lib.replay(latest.current.drill, latest.current.events, frozen);
        engine.current = { lib, run };
        if (!serverView) setLines(transcriptOf(latest.current.drill, run.transcript));
        setTick((t) => t + 1);
        return engine.current;
      },
      (err: unknown) => {
        engineLoad.current = null; // the next use tries again
        setError(ENGINE_FAILED);
        throw err;
      },
    );
    return engineLoad.current;
  }, [frozen, serverView]);
  // Without the server's view (its replay was refused for now) the browser replays at once.
  useEffect(() => {
    if (!props.view && !props.problem) void ensureEngine().catch(() => {});
  }, [props.view, props.problem, ensureEngine]);

  // `tick` changes after every command: the run's cluster is mutated in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick stands for the run, which changes in place
  const view = useMemo(() => {
    const loaded = engine.current;
    if (!loaded) return props.view ?? NO_VIEW;
    return loaded.lib.viewOf(loaded.run, drill, new Set(Object.keys(results)), frozen);
  }, [tick, drill, results, frozen, props.view]);

  const persist = useCallback(
    (next: DrillEvent[]) => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        void saveDrillEventsAction({ slug: drill.slug, events: next }).then((r) => {
          if (!r.ok) setError(r.error);
        });
      }, 600);
    },
    [drill.slug],
  );
  useEffect(
    () => () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
    },
    [],
  );

  const onRun = useCallback(
    (command: string) => {
      const loaded = engine.current;
      if (!loaded) {
        queued.current.push(command);
        void ensureEngine().catch(() => {});
        return;
      }
      const { lib, run } = loaded;
      // Refused here, not run: the server would refuse these events anyway (see prediction-guard.ts).
      const guarded = openPrediction !== null && openPrediction.stepId === current?.id ? openPrediction : null;
      let refusal: string | null = null;
      if (events.length >= MAX_EVENTS) refusal = TOO_MANY_EVENTS;
      else if (command.length > MAX_LINE) refusal = LINE_TOO_LONG;
      else if (guarded && lib.revealsPrediction(run.sim.cluster, guarded.run, command)) refusal = COMMIT_FIRST;
      if (refusal) {
        setLines((l) => [...l, { command, output: `${refusal}\n` }]);
        return;
      }
      run.run(command);
      // The run's transcript has the line as it ran, at the prompt it was typed at.
      const typed = run.transcript[run.transcript.length - 1];
      setLines((l) => [...l, typed]);
      setEvents((e) => {
        const next = [...e, { type: "command" as const, line: command }];
        persist(next);
        return next;
      });
      setTick((t) => t + 1);
    },
    [persist, ensureEngine, events.length, openPrediction, current?.id],
  );
  // After every render: the commands typed while the simulator loaded run once it is here.
  useEffect(() => {
    if (!engine.current || queued.current.length === 0) return;
    for (const command of queued.current.splice(0)) onRun(command);
  });

  /** Takes back the newest command typed since the current step opened, rebuilding the cluster without it. */
  function undo() {
    const next = events.slice(0, -1);
    void ensureEngine().then(
      ({ lib }) => {
        const rebuilt = lib.replay(drill, next, frozen);
        engine.current = { lib, run: rebuilt };
        setEvents(next);
        setLines(transcriptOf(drill, rebuilt.transcript));
        setTick((t) => t + 1);
        persist(next);
      },
      () => {},
    );
  }
  const canUndo = events.length > stepStart && events[events.length - 1]?.type === "command";

  function commit(step: PredictStep) {
    if (choice === null) {
      setError("Choose the answer you expect first.");
      return;
    }
    setError(null);
    startTransition(async () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      const [r, loaded] = await Promise.all([
        commitPredictionAction({ slug: drill.slug, stepId: step.id, choice, events }),
        ensureEngine().catch(() => null),
      ]);
      if (!r.ok) {
        setError(r.error);
        return;
      }
      if (r.value.alreadyAnswered) {
        setError(ALREADY_ANSWERED);
        return;
      }
      // Recorded on the server; without the simulator here the page cannot follow, a reload shows it.
      if (!loaded) return;
      const { run } = engine.current ?? loaded;
      const graded = r.value;
      const full = graded.step;
      setDrill((d) => ({ ...d, steps: d.steps.map((s) => (s.id === full.id ? full : s)) }));
      // The same change on the browser's cluster, so the view and terminal match what was graded.
      frozen.set(full.id, run.predictionView(step));
      run.commitPrediction(full);
      setLines((l) => [...l, ...graded.observations]);
      setEvents((e) => [...e, { type: "predict", stepId: full.id }]);
      setStepStart(events.length + 1);
      setOpenPrediction(graded.openPrediction);
      setResults((res) => ({
        ...res,
        [full.id]: { correct: graded.correct, choice: graded.choice, at: new Date().toISOString() },
      }));
      setFeedback((f) => ({ ...f, [full.id]: { kind: "prediction", ...graded } }));
      setChoice(null);
      setTick((t) => t + 1);
    });
  }

  function check(step: TaskStep) {
    setError(null);
    startTransition(async () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      const [r, loaded] = await Promise.all([
        checkTaskAction({ slug: drill.slug, stepId: step.id, events }),
        ensureEngine().catch(() => null),
      ]);
      if (!r.ok) {
        setError(r.error);
        return;
      }
      if (r.value.alreadyAnswered) {
        setError(ALREADY_ANSWERED);
        return;
      }
      if (!loaded) return;
      const value = r.value;
      setFeedback((f) => ({ ...f, [step.id]: { kind: "task", passed: value.passed, checks: value.checks } }));
      if (value.passed) {
        setDrill((d) => ({
          ...d,
          steps: d.steps.map((s) => (s.id === step.id ? { ...step, explanation: value.explanation ?? "" } : s)),
        }));
        setResults((res) => ({ ...res, [step.id]: { correct: true, at: new Date().toISOString() } }));
        setStepStart(events.length);
        setOpenPrediction(value.openPrediction);
      } else setFailedChecks((f) => ({ ...f, [step.id]: value.failedChecks }));
    });
  }

  function reset() {
    if (!window.confirm("Reset this drill? Your commands and answers for it will be cleared.")) return;
    startTransition(async () => {
      const r = await resetDrillAction(drill.slug);
      if (!r.ok) setError(r.error);
      else window.location.reload();
    });
  }

  // A task is done as soon as its live goal holds: the server is asked at once (it still replays the
  // events and decides). Only after a command of this step, so a goal met when the step opens waits.
  const liveDone =
    current?.type === "task" && events.length > stepStart && view.openTask?.id === current.id && view.openTask.passed;
  useEffect(() => {
    if (!liveDone || !current || current.type !== "task" || pending) return;
    const key = `${current.id}:${tick}`;
    if (autoChecked.current === key) return;
    autoChecked.current = key;
    check(current);
  });

  // Once a step is done: the next step in view, and the cursor back at the prompt where the learner types.
  const currentId = current?.id ?? null;
  const opened = useRef(currentId);
  useEffect(() => {
    if (opened.current === currentId) return;
    opened.current = currentId;
    const next = currentId && root.current?.querySelector(`[data-step="${currentId}"]`);
    if (next) next.scrollIntoView({ block: "nearest" });
    focusTerminal();
    if (!where.current.wide && where.current.pane !== "steps")
      setNotice(currentId ? "Step done. The next step is in Steps." : "Step done: that was the last one.");
  }, [currentId]);

  // The sticky header's height, so the lab's panes fill exactly the rest of the window.
  useEffect(() => {
    const header = document.querySelector("body > header");
    if (!header || !root.current) return;
    const el = root.current;
    const measure = () => el.style.setProperty("--drill-top", `${header.getBoundingClientRect().height}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);

  async function revealSolution(step: TaskStep): Promise<string[] | string> {
    const [r, loaded] = await Promise.all([
      taskSolutionAction({ slug: drill.slug, stepId: step.id }),
      ensureEngine().catch(() => null),
    ]);
    if (!r.ok) return r.error;
    const run = engine.current?.run ?? loaded?.run;
    return run ? r.value.map((line) => run.resolve(line)) : ENGINE_FAILED;
  }

  const done = drill.steps.filter((s) => results[s.id]).length;
  const complete = useCallback(
    (line: string) =>
      engine.current
        ? engine.current.lib.completionCandidates(engine.current.run.sim.cluster, Object.keys(drill.files), line)
        : { prefix: "", candidates: [] },
    [drill.files],
  );

  function stepBody(step: DrillStep) {
    const result = results[step.id];
    const fb = feedback[step.id];
    if (step.type === "predict") {
      const shown = view.predictions[step.id] ?? { prompt: step.prompt, options: step.options.map((o) => o.text) };
      const isCurrent = current?.id === step.id;
      const chosen = result?.choice;
      const correctIndex = fb?.kind === "prediction" ? fb.correctIndex : undefined;
      return (
        <div>
          <p className="font-medium text-slate-900">
            <InlineCode text={shown.prompt} />
          </p>
          <fieldset className="mt-2" disabled={!isCurrent || pending}>
            <legend className="sr-only">Your prediction</legend>
            {shown.options.map((text, i) => (
              <label
                key={i}
                className={`mt-1 flex items-start gap-2 rounded-md border p-2 ${correctIndex === i ? "border-emerald-600 bg-emerald-50" : result && chosen === i && !result.correct ? "border-red-500 bg-red-50" : "border-slate-200"}`}
              >
                <input
                  type="radio"
                  name={`predict-${step.id}`}
                  checked={isCurrent ? choice === i : chosen === i}
                  onChange={() => setChoice(i)}
                  className="mt-1"
                />
                <span>
                  <InlineCode text={text} />
                  {correctIndex === i && (
                    <span className="ml-1 text-sm font-medium text-emerald-800">(what happened)</span>
                  )}
                </span>
              </label>
            ))}
          </fieldset>
          {isCurrent && (
            <Button onClick={() => commit(step)} disabled={pending} className="mt-3">
              {pending ? "Running…" : "Commit prediction and run it"}
            </Button>
          )}
          {result && (
            <div
              className={`mt-3 rounded-md border p-3 ${result.correct ? "border-emerald-300 bg-emerald-50" : "border-red-300 bg-red-50"}`}
            >
              <p className="font-semibold">{result.correct ? "You predicted it." : "Not what happened."}</p>
              {step.explanation && <p className="mt-1 text-slate-800">{step.explanation}</p>}
              {step.run.length > 0 && (
                <p className="mt-1 text-sm text-slate-700">
                  The terminal shows the commands that ran and what they printed.
                </p>
              )}
            </div>
          )}
        </div>
      );
    }
    const isCurrent = current?.id === step.id;
    const open = view.openTask?.id === step.id ? view.openTask : null;
    return (
      <div>
        <p className="font-medium text-slate-900">
          <InlineCode text={view.tasks[step.id] ?? step.prompt} />
        </p>
        {isCurrent && (
          <>
            <ul className="mt-2 space-y-1 text-sm" aria-label="Goal">
              {(open?.goal ?? []).map((r, i) => (
                <li key={i} className={r.passed ? "text-emerald-800" : "text-slate-700"}>
                  <span aria-hidden="true">{r.passed ? "✓ " : "○ "}</span>
                  <span className="sr-only">{r.passed ? "Done: " : "Not yet: "}</span>
                  {r.message}
                </li>
              ))}
            </ul>
            <Button onClick={() => check(step)} disabled={pending} className="mt-3">
              {pending ? "Checking…" : "Check my work"}
            </Button>
            {fb?.kind === "task" && !fb.passed && (
              <p className="mt-2 text-sm text-red-700">
                Not done yet:{" "}
                {fb.checks
                  .filter((c) => !c.passed)
                  .map((c) => c.message)
                  .join(" ")}
              </p>
            )}
            <TaskHelp
              key={step.id}
              hints={open?.hints ?? step.hints}
              failedChecks={failedChecks[step.id] ?? 0}
              reveal={() => revealSolution(step)}
            />
          </>
        )}
        {result && (
          <div className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 p-3">
            <p className="font-semibold">Done.</p>
            {step.explanation && <p className="mt-1 text-slate-800">{step.explanation}</p>}
          </div>
        )}
      </div>
    );
  }

  const steps = (
    <section aria-labelledby="steps-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="steps-title" className="text-lg font-semibold text-slate-900">
        Steps
      </h2>
      <ol className="mt-2 space-y-4">
        {drill.steps.map((step, i) => {
          const visible = results[step.id] || current?.id === step.id;
          return (
            <li
              key={step.id}
              data-step={step.id}
              aria-current={current?.id === step.id ? "step" : undefined}
              className={current?.id === step.id ? "rounded-md border-l-4 border-brand-600 pl-3" : "pl-4"}
            >
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                Step {i + 1} · {step.type === "predict" ? "Predict, then observe" : "Task"}
              </p>
              {visible ? stepBody(step) : <p className="text-sm text-slate-500">Unlocks after the step before.</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );

  return (
    <div ref={root} className="lg:grid lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] lg:items-start lg:gap-6">
      <div className="min-w-0 space-y-4">
        <div>
          <p className="text-sm text-slate-600">
            <Link href="/drills" className="hover:text-brand-700">
              Drills
            </Link>{" "}
            · {props.lessonTitle}
          </p>
          <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{drill.title}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <p className="text-sm text-slate-700" aria-live="polite">
              {done} of {drill.steps.length} steps done
            </p>
            <button
              type="button"
              onClick={reset}
              disabled={pending}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100"
            >
              Reset drill
            </button>
          </div>
          <p className="mt-2 text-slate-700">{drill.body}</p>
        </div>
        <div role="status" aria-live="assertive">
          {error && <p className="rounded-md border border-red-300 bg-red-50 p-2 text-red-800">{error}</p>}
        </div>
        {!current && (
          <div className="rounded-lg border border-emerald-300 bg-emerald-50 p-4">
            <p className="font-semibold text-emerald-900">
              Drill complete: {drill.steps.filter((s) => results[s.id]?.correct).length} of {drill.steps.length} right
              first time.
            </p>
            <p className="mt-1">
              <Link href="/drills" className="text-brand-700 underline">
                Choose another drill
              </Link>{" "}
              or keep experimenting in the terminal.
            </p>
          </div>
        )}
        <DrillTabs active={pane} onSelect={showPane} />
        <div {...paneProps("steps", pane, wide)}>{steps}</div>
      </div>
      {/* Side by side, the terminal and the cluster stay in the window while the steps scroll. */}
      <div className="mt-4 min-w-0 lg:sticky lg:top-[calc(var(--drill-top,3.5rem)+0.75rem)] lg:mt-0 lg:flex lg:h-[calc(100dvh-var(--drill-top,3.5rem)-3rem)] lg:flex-col lg:gap-3">
        <div
          {...paneProps("terminal", pane, wide)}
          className={`${paneProps("terminal", pane, wide).className} flex h-[calc(100dvh-var(--drill-top,3.5rem)-4rem)] min-h-80 flex-col gap-2 lg:h-auto lg:min-h-0 lg:flex-[3]`}
        >
          {notice && (
            <p
              role="status"
              className="flex items-center justify-between gap-2 rounded-md bg-emerald-50 p-2 text-sm text-emerald-900 lg:hidden"
            >
              {notice}
              <Button variant="secondary" size="sm" onClick={() => showPane("steps")}>
                Show the steps
              </Button>
            </p>
          )}
          <Terminal
            lines={lines}
            prompt={view.prompt}
            onRun={onRun}
            onClear={() => setLines([])}
            onInterrupt={(line) => setLines((l) => [...l, { command: `${line}^C`, output: "" }])}
            complete={complete}
            completionReady={engine.current !== null}
            onActivate={() => void ensureEngine().catch(() => {})}
            busy={pending || props.problem !== null}
            maxLength={MAX_LINE}
            className="flex-1"
          />
          <div>
            <button
              type="button"
              onClick={undo}
              disabled={pending || !canUndo}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
            >
              Undo last command
            </button>
          </div>
        </div>
        <div
          {...paneProps("cluster", pane, wide)}
          className={`${paneProps("cluster", pane, wide).className} lg:min-h-0 lg:flex-[2]`}
        >
          <ClusterView snapshot={view.snapshot} className="lg:h-full lg:overflow-auto" />
        </div>
      </div>
    </div>
  );
}
