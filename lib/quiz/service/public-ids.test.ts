import { describe, expect, it } from "vitest";
import { testDatabases } from "../../db/test-support/databases";
import { answerKey } from "../core/grade";
import { hash32, opaqueId } from "../core/seeded";
import type { PublicQuestion, Question } from "../core/types";
import { newAttemptSecret, newAttemptSeed } from "./attempt-secrets";
import { quizServiceOn } from "./test-support/quiz-service-on";

// Issue 10, item 2: option ids were a 32-bit FNV-1a hash of the visible option text, and the public
// question id a hash keyed by a 31-bit seed, so keys and seeds could be computed offline. Now every
// public id is an HMAC keyed by a 128-bit secret per attempt.

const SEED = "12345678901234567890";

/** Every id a public question carries: its own and its options', items' and choices'. */
const idsOf = (q: PublicQuestion): string[] => [
  q.id,
  ...("options" in q ? q.options : []).map((o) => o.id),
  ...("items" in q ? q.items : []).map((i) => i.id),
  ...("choices" in q ? q.choices : []).map((c) => c.id),
];

/** Everything the browser or an attacker with the source can know about a question, as text. */
function visibleStrings(q: Question): string[] {
  const own = [q.id, q.prompt, q.lessonSlug, q.sectionId, ...q.concepts];
  const parts = "options" in q ? q.options : [...("items" in q ? q.items : []), ...("choices" in q ? q.choices : [])];
  return [...own, ...parts.flatMap((p) => [p.id, p.text])];
}

/** Ids an attacker can compute without the secret: the internal ids, and FNV-1a / opaqueId of anything known. */
function computableIds(questions: Question[], seed: string): Set<string> {
  const known = [...new Set([seed, `attempt:${seed}`, ...questions.flatMap(visibleStrings)])];
  const out = new Set<string>();
  for (const a of known) {
    out.add(a);
    const h = hash32(a);
    for (const form of [h.toString(36), h.toString(36).padStart(7, "0"), String(h), h.toString(16)]) out.add(form);
    for (const b of known) out.add(opaqueId(a, b));
  }
  return out;
}

describe("attempt seeds and secrets", () => {
  it("are 64 and 128 bits of fresh randomness", () => {
    const seeds = Array.from({ length: 200 }, newAttemptSeed);
    expect(new Set(seeds).size).toBe(200);
    expect(seeds.every((s) => /^\d{1,20}$/.test(s) && BigInt(s) < 2n ** 64n)).toBe(true);
    // 200 draws below 2^62 would happen with probability (3/4)^200: the seeds use the top bits.
    expect(seeds.some((s) => BigInt(s) >= 2n ** 62n)).toBe(true);
    const secrets = Array.from({ length: 200 }, newAttemptSecret);
    expect(new Set(secrets).size).toBe(200);
    expect(secrets.every((s) => Buffer.from(s, "base64url").length === 16)).toBe(true);
  });
});

describe.each(testDatabases)("public ids on $name", ({ url }) => {
  // The same seed twice: two attempts with the same questions, options and order.
  const { ctx, started, rightAnswer } = quizServiceOn(url, () => SEED);

  it("are not a function of anything the browser sees: the same quiz gets new ids in every attempt", async () => {
    const a = await started("immediate");
    const b = await started("immediate", a.user);
    expect(b.serverQuestions.map((q) => q.id)).toEqual(a.serverQuestions.map((q) => q.id));
    // Same prompts, same option texts in the same order...
    const visible = (qs: PublicQuestion[]) => JSON.stringify(qs).replace(/"id":"[^"]+"/g, '"id":"?"');
    expect(visible(b.view.questions)).toBe(visible(a.view.questions));
    // ...and not one id in common, so no function of what is shown (or of the lesson) gives them.
    const idsA = a.view.questions.flatMap(idsOf);
    const idsB = new Set(b.view.questions.flatMap(idsOf));
    expect(idsA.filter((id) => idsB.has(id))).toEqual([]);
    // 96-bit MACs, none of them an internal id or a hash an attacker could compute.
    const computable = computableIds(a.serverQuestions, SEED);
    for (const id of [...idsA, ...idsB]) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(computable.has(id), id).toBe(false);
    }
  });

  it("turn keys computed offline into refused answers, and do not carry over between attempts", async () => {
    const a = await started("immediate");
    const b = await started("immediate", a.user);
    for (const [i, q] of a.serverQuestions.entries()) {
      if (q.kind === "cloze") continue;
      // The key in internal ids, as recomputing the pool from the content would give it.
      const offline = await ctx.service.submit(a.user.id, a.view.id, a.view.questions[i].id, answerKey(q));
      expect(offline, q.id).toEqual({ ok: false, status: 400, error: "That option is not part of this question." });
      // The right answer in the other attempt's ids, under this attempt's question.
      const replayed = await ctx.service.submit(a.user.id, a.view.id, a.view.questions[i].id, rightAnswer(q, b.secret));
      expect(replayed, q.id).toEqual({ ok: false, status: 400, error: "That option is not part of this question." });
    }
    // Another attempt's question id is not a question of this one.
    const foreign = await ctx.service.submit(
      a.user.id,
      a.view.id,
      b.view.questions[0].id,
      rightAnswer(b.serverQuestions[0], b.secret),
    );
    expect(foreign).toEqual({ ok: false, status: 400, error: "That question is not part of this attempt." });
    expect((await ctx.repos.quizzes.find(a.user.id, a.view.id))!.answers).toEqual([]);
  });
});
