import {
  type GIFTQuestion,
  type Matching,
  type MultipleChoice,
  parse,
  type ShortAnswer,
  type TrueFalse,
} from "gift-pegjs";
import { describe, expect, it } from "vitest";
import type { Question } from "../../quiz/core/types";
import { escapeGift, ORDERING_IN_GIFT, toGift } from "./gift";
import { escapeHtml } from "./html";
import { clozeAnswers, optionHtml, questionName } from "./question-parts";
import { byKind, realSet, TRICKY, trickySet } from "./test-support/export-fixtures";

// The GIFT files are read back with gift-pegjs, a GIFT parser written independently of this code,
// and checked against the questions they came from.

/**
 * gift-pegjs 1.0.2 leaves its escape placeholders (the ones Moodle's importer uses: &&058; for `:`)
 * in the right-hand side of a matching pair; Moodle's importer replaces them there
 * (escapedchar_post), so the tests do too.
 */
const PLACEHOLDERS: Record<string, string> = {
  "&&058;": ":",
  "&&035;": "#",
  "&&061;": "=",
  "&&123;": "{",
  "&&125;": "}",
  "&&126;": "~",
  "&&092;": "\\",
};
const subanswer = (m: Matching["matchPairs"][number]) => m.subanswer.replace(/&&\d{3};/g, (p) => PLACEHOLDERS[p] ?? p);

const questionsOf = (parsed: GIFTQuestion[]) => parsed.filter((q) => q.type !== "Category");

function parsedByName(body: string) {
  const parsed = questionsOf(parse(body));
  const byName = new Map(parsed.map((p) => [p.title, p]));
  expect(byName.size).toBe(parsed.length); // names are unique
  return (q: Question) => {
    const p = byName.get(questionName(q));
    if (!p) throw new Error(`no question named ${questionName(q)}`);
    return p;
  };
}

const GIFT_TYPE: Record<Question["kind"], GIFTQuestion["type"] | null> = {
  single: "MC",
  "odd-one-out": "MC",
  multiple: "MC",
  "true-false": "TF",
  matching: "Matching",
  cloze: "Short",
  ordering: null,
};

describe("GIFT export of a real lesson", () => {
  const set = realSet("lesson", "cluster-ip-vs-pod-ip");
  const pool = set.lessons[0].questions;
  const gift = toGift(set);
  const find = parsedByName(gift.body);

  it("holds every question of the pool, each as the GIFT type of its kind, after the lesson's category", () => {
    const parsed = parse(gift.body);
    expect(parsed[0]).toEqual({
      type: "Category",
      title: "$course$/top/kubelearn/Services and Pod networking/ClusterIP vs Pod IP",
    });
    expect(questionsOf(parsed)).toHaveLength(pool.length);
    expect(gift.questionCount).toBe(pool.length);
    expect(gift.skipped).toEqual([]);
    for (const q of pool) expect(find(q).type).toBe(GIFT_TYPE[q.kind]);
    expect(new Set(pool.map((q) => q.kind))).toEqual(
      new Set(["single", "true-false", "multiple", "matching", "cloze", "odd-one-out"]),
    );
  });

  it("marks the right option of a single choice right and gives each distractor its misconception", () => {
    for (const q of pool) {
      if (q.kind !== "single" && q.kind !== "odd-one-out") continue;
      const p = find(q) as MultipleChoice;
      expect(p.choices.filter((c) => c.isCorrect).map((c) => c.text.text)).toEqual([
        optionHtml(q.options.find((o) => o.id === q.answer)!.text),
      ]);
      for (const o of q.options.filter((o) => o.misconception)) {
        const choice = p.choices.find((c) => c.text.text === optionHtml(o.text))!;
        expect(choice.feedback?.text).toContain(escapeHtml(o.misconception!));
        expect(choice.feedback?.text).toContain(escapeHtml(q.explanation.split("“")[0]));
      }
    }
  });

  it("weighs a multiple select as Moodle does: right options share +100%, wrong ones -100%", () => {
    const multiples = pool.filter((q) => q.kind === "multiple");
    expect(multiples.length).toBeGreaterThan(0);
    for (const q of multiples) {
      const p = find(q) as MultipleChoice;
      expect(p.choices).toHaveLength(q.options.length);
      const right = q.options.filter((o) => q.answer.includes(o.id)).map((o) => optionHtml(o.text));
      const weightOf = (text: string) => p.choices.find((c) => c.text.text === text)!.weight!;
      const rightWeights = right.map(weightOf);
      const wrongWeights = p.choices.filter((c) => !right.includes(c.text.text)).map((c) => c.weight!);
      for (const w of rightWeights) expect(w).toBeCloseTo(100 / right.length, 4);
      for (const w of wrongWeights) expect(w).toBeCloseTo(-100 / (q.options.length - right.length), 4);
      expect(rightWeights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 3);
      expect(wrongWeights.reduce((a, b) => a + b, 0)).toBeCloseTo(-100, 3);
    }
  });

  it("says true or false as the key does, with the wrong answer's feedback first as Moodle reads it", () => {
    for (const q of pool) {
      if (q.kind !== "true-false") continue;
      const p = find(q) as TrueFalse;
      expect(p.isTrue).toBe(q.answer === "true");
      const wrong = q.options.find((o) => o.id !== q.answer)!;
      // gift-pegjs names the two feedbacks by position: {TRUE#first#second}.
      if (wrong.misconception) expect(p.trueFeedback?.text).toContain(escapeHtml(wrong.misconception));
      expect(p.falseFeedback?.text).not.toContain("Misconception");
    }
  });

  it("pairs every matching item with its choice, and makes every cloze a short answer with its spellings", () => {
    for (const q of pool) {
      if (q.kind === "matching") {
        const p = find(q) as Matching;
        expect(p.matchPairs.map((m) => [m.subquestion.text, subanswer(m)])).toEqual(
          q.items.map((i) => [optionHtml(i.text), q.choices.find((c) => c.id === q.answer[i.id])!.text]),
        );
      }
      if (q.kind === "cloze") {
        const p = find(q) as ShortAnswer;
        expect(p.choices.every((c) => c.isCorrect)).toBe(true);
        expect(p.choices.map((c) => c.text.text)).toEqual(clozeAnswers(q));
        // gift-pegjs pads the blank with spaces; Moodle writes "_____" where the braces were.
        expect(p.stem.text.replace(/ ?_____ ?/, "_____")).toContain(
          `${escapeHtml(q.before.trimEnd())}_____${escapeHtml(q.after.trimStart())}`,
        );
      }
    }
  });

  it("shows a scenario's set-up commands and output as preformatted HTML, and its evidence in the general feedback", () => {
    const scenario = pool.find((q) => q.source === "simulator" && q.context?.some((c) => c.output))!;
    const p = find(scenario) as MultipleChoice;
    expect(p.stem.format).toBe("html");
    const shown = scenario.context!.find((c) => c.output)!;
    expect(p.stem.text).toMatch(/^<pre>\$ /);
    expect(p.stem.text).toContain(escapeHtml(`$ ${shown.command}\n${shown.output.trimEnd()}`));
    expect(p.stem.text).toContain("&lt;none&gt;");
    if (scenario.evidence?.length) expect(p.globalFeedback?.text).toContain(escapeHtml(scenario.evidence[0].command));
  });

  it("is the same file for the same seed, and another pool for another seed", () => {
    expect(toGift(realSet("lesson", "cluster-ip-vs-pod-ip")).body).toBe(gift.body);
    expect(toGift(realSet("lesson", "cluster-ip-vs-pod-ip", 2)).body).not.toBe(gift.body);
  });
});

describe("GIFT export of a module", () => {
  it("puts each lesson under its own category and leaves out ordering questions, saying how many", () => {
    const set = realSet("module", "discovery");
    const gift = toGift(set);
    const parsed = parse(gift.body);
    expect(parsed.filter((q) => q.type === "Category").map((c) => c.title)).toEqual(
      set.lessons.map((l) => `$course$/top/kubelearn/Service discovery/${l.title}`),
    );
    const pool = set.lessons.flatMap((l) => l.questions);
    const orderings = pool.filter((q) => q.kind === "ordering").length;
    expect(orderings).toBeGreaterThan(0);
    expect(questionsOf(parsed)).toHaveLength(pool.length - orderings);
    expect(gift.skipped).toEqual([{ kind: "ordering", count: orderings, reason: ORDERING_IN_GIFT }]);
    expect(gift.body).toContain(
      `// Left out: ${orderings} ordering question${orderings === 1 ? "" : "s"}: GIFT has no ordering`,
    );
  });
});

describe("GIFT escaping", () => {
  it("escapes backslash first, then ~ = # { } :, and line breaks", () => {
    expect(escapeGift("\\{a}=b~c#d:e\nf")).toBe(String.raw`\\\{a\}\=b\~c\#d\:e\nf`);
  });

  const gift = toGift(trickySet);
  const find = parsedByName(gift.body);

  it("round-trips every special character through an independent parser", () => {
    const single = find(byKind("single")) as MultipleChoice;
    expect(single.title).toBe(questionName(byKind("single")));
    expect(single.stem.text).toContain(`<p>Which one? ${escapeHtml(TRICKY)}</p>`);
    expect(single.choices.map((c) => [c.text.text, c.isCorrect])).toEqual([
      [`Right ${escapeHtml(TRICKY)}`, true],
      [`Wrong ${escapeHtml(TRICKY)}`, false],
      ["%50% of the traffic", false],
    ]);
    expect(single.choices[1].feedback?.text).toContain(`Misconception: Thinks ${escapeHtml(TRICKY)}`);
    expect(single.stem.text).toContain(
      "<pre>$ kubectl get pods -o wide\nNAME  IP\nweb   10.244.1.3   &lt;none&gt;</pre>",
    );
    expect(single.globalFeedback?.text).toContain("answered {ok}");

    const matching = find(byKind("matching")) as Matching;
    expect(matching.matchPairs.map((m) => [m.subquestion.text, subanswer(m)])).toEqual([
      [`Item ${escapeHtml(TRICKY)}`, `Choice ${TRICKY}`],
      ["Item two", "Pod IP"],
      ["Item three", "Pod IP"],
      ["", "Unused choice"], // an extra wrong answer
    ]);

    const cloze = find(byKind("cloze")) as ShortAnswer;
    expect(cloze.stem.text).toContain("<p>A {braced} _____ keeps its = and # : signs.</p>");
    expect(cloze.choices.map((c) => c.text.text)).toEqual(["ClusterIP", "ClusterIPs", "cluster IP", "cluster IPs"]);
  });

  it("keeps a wrong option that looks like a weight from being read as one", () => {
    expect(gift.body).toContain("~%0%%50% of the traffic");
    const single = find(byKind("single")) as MultipleChoice;
    expect(single.choices[2].weight ?? 0).toBe(0);
  });

  it("writes a false statement as FALSE and every kind but ordering", () => {
    expect((find(byKind("true-false")) as TrueFalse).isTrue).toBe(false);
    expect(questionsOf(parse(gift.body)).map((q) => q.type)).toEqual(["MC", "MC", "TF", "Matching", "Short", "MC"]);
  });
});
