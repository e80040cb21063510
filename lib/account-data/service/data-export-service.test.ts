import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { UNUSABLE_PASSWORD_HASH } from "../../auth/password";
import { repositoriesOn, testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { answerText } from "../../quiz/core/answer-text";
import { answerKey } from "../../quiz/core/grade";
import { toPublicQuestion } from "../../quiz/core/public-question";
import { ACCOUNT_SETTINGS_FILE } from "../core/account-settings";
import { DATA_FILES, dataFileName } from "../core/data-tables";
import { createDataExportService, JSON_CONTENT_TYPE } from "./data-export-service";
import { dataDownloadSchema } from "./schemas";
import { drills, giveHistory, library } from "./test-support/learner-history";

/** A CSV as the header and one object per row (csv-parse reads the BOM and the quoting back). */
const read = (csv: string) => parse(csv, { bom: true, columns: true }) as Record<string, string>[];

describe.each(testDatabases)("a learner's data export on $name", ({ url }) => {
  const ctx = repositoriesOn(url);
  const now = new Date("2026-06-01T09:00:00Z");
  const service = () =>
    createDataExportService({ repos: ctx.repos, library: () => library, drills: () => drills, now: () => now });
  const learner = (label: string) =>
    ctx.repos.users.create({ email: uniqueEmail(label), name: label, passwordHash: "h" });

  it("writes one CSV per kind of record, with only the signed-in learner's rows, in words", async () => {
    const me = await learner("export-me");
    const other = await learner("export-other");
    const mine = await giveHistory(ctx.repos, me.id, now, 0);
    const theirs = await giveHistory(ctx.repos, other.id, new Date("2026-06-02T10:00:00Z"), 1);

    const csv = async (file: (typeof DATA_FILES)[number]) => read((await service().csv(me.id, file)).body);

    const attempts = await csv("quiz-attempts");
    expect(attempts).toEqual([
      {
        attempt: mine.attemptId,
        quiz: mine.lesson.title,
        scope: "lesson",
        target: mine.lesson.slug,
        "started at": now.toISOString(),
        "finished at": now.toISOString(),
        "score (%)": "50",
        questions: "2",
        answered: "1",
      },
    ]);

    const answers = await csv("quiz-answers");
    const words = answerText(toPublicQuestion(mine.question, 1), answerKey(mine.question)).join("; ");
    expect(words.length).toBeGreaterThan(0);
    expect(answers).toEqual([
      {
        attempt: mine.attemptId,
        quiz: mine.lesson.title,
        "question number": "1",
        question: mine.question.prompt,
        "your answer": words,
        "right or wrong": "right",
        "score (%)": "100",
        "answered at": now.toISOString(),
      },
    ]);

    const reviews = await csv("flashcard-reviews");
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      "reviewed at": now.toISOString(),
      card: mine.card.id,
      lesson: mine.lesson.title,
      front: mine.card.front,
      rating: "good",
      "state before": "New",
      "state after": "Learning",
      "undone at": "",
    });

    expect(await csv("own-cards")).toEqual([
      expect.objectContaining({
        front: "My own front",
        back: "My own back",
        lesson: mine.lesson.title,
        "made from": "typed",
        "created at": now.toISOString(),
      }),
    ]);

    expect(await csv("card-copies")).toEqual([
      expect.objectContaining({
        card: mine.card.id,
        lesson: mine.lesson.title,
        "your front": "My wording",
        "your back": "My wording's back",
        "the lesson's front": mine.card.front,
      }),
    ]);

    expect(await csv("drill-runs")).toEqual([
      expect.objectContaining({
        drill: mine.drill.slug,
        title: mine.drill.title,
        "steps done": "1",
        "steps right": "0",
        "steps in drill": String(mine.drill.steps.length),
        "commands typed": "1",
      }),
    ]);
    expect(await csv("drill-steps")).toEqual([
      {
        drill: mine.drill.slug,
        "step number": "1",
        step: mine.step.id,
        kind: "prediction",
        prompt: mine.step.prompt,
        "your choice": mine.step.options[1].text,
        "right or wrong": "wrong",
        at: now.toISOString(),
      },
    ]);
    expect(await csv("lesson-progress")).toEqual([
      {
        lesson: mine.lesson.slug,
        title: mine.lesson.title,
        "started at": now.toISOString(),
        "last viewed at": now.toISOString(),
        "completed at": now.toISOString(),
        "minutes spent": "1.5",
        "last section": "comparison",
      },
    ]);

    // Nothing of the other learner's, in any file: not their attempt, lesson, card, or their times.
    for (const file of DATA_FILES) {
      const text = (await service().csv(me.id, file)).body;
      expect(text).not.toContain(theirs.attemptId);
      expect(text).not.toContain("2026-06-02");
      expect(text).not.toContain(theirs.lesson.slug);
    }
    expect(await service().rowCounts(me.id)).toEqual({
      "quiz-attempts": 1,
      "quiz-answers": 1,
      "flashcard-reviews": 1,
      "own-cards": 1,
      "card-copies": 1,
      "drill-runs": 1,
      "drill-steps": 1,
      "lesson-progress": 1,
    });
  });

  it("writes the account settings as JSON: profile, display, flashcard settings, FSRS weights, own LTI links only", async () => {
    const me = await learner("settings-me");
    await ctx.repos.users.setTimeZone(me.id, "Pacific/Auckland");
    await ctx.db.user.update({ where: { id: me.id }, data: { colorScheme: "dark" } });
    await giveHistory(ctx.repos, me.id, now); // desired retention 0.88, 7 new cards a day
    const file = await service().settings(me.id);
    expect(file).toMatchObject({ filename: "kubelearn-account-settings.json", contentType: JSON_CONTENT_TYPE });
    expect(JSON.parse(file!.body)).toEqual({
      format: "kubelearn-account-settings",
      version: 1,
      exportedAt: now.toISOString(),
      profile: { name: "settings-me", email: me.email, role: "learner", signsInWith: "password" },
      display: { timeZone: "Pacific/Auckland", colorScheme: "dark" },
      flashcards: { desiredRetention: 0.88, dailyNewLimit: 7, fsrsParameters: null },
      lti: { account: null, launches: [], platformsYouRegistered: [] },
    });

    // Optimised weights; an LTI account with a launch; another user on the same platform.
    const weights = Array.from({ length: 21 }, (_, i) => 0.1 + i / 100);
    const teacher = await ctx.repos.users.create({
      email: uniqueEmail("settings-teacher"),
      name: "Teacher",
      passwordHash: "h",
      role: "INSTRUCTOR",
    });
    const platform = (await ctx.repos.lti.createPlatform(
      teacher.id,
      {
        name: "Course Moodle",
        issuer: `https://moodle-${me.id}.example`,
        clientId: "kubelearn",
        authLoginUrl: "https://moodle.example/auth",
        authTokenUrl: "https://moodle.example/token",
        jwksUrl: "https://moodle.example/jwks",
        deploymentIds: ["7"],
      },
      now,
    ))!;
    const newLti = (label: string) => ({
      email: uniqueEmail(label),
      name: label,
      passwordHash: UNUSABLE_PASSWORD_HASH,
      role: "LEARNER" as const,
    });
    const ltiMe = await ctx.repos.lti.accountFor(platform.id, "moodle-user-42", newLti("lti-me"));
    const ltiOther = await ctx.repos.lti.accountFor(platform.id, "moodle-user-43", newLti("lti-other"));
    await ctx.repos.flashcards.saveParameters(ltiMe, weights, now);
    await ctx.repos.flashcards.saveParameters(
      ltiOther,
      weights.map((w) => w + 1),
      now,
    );
    const lesson = library.lessons[0];
    const link = await ctx.repos.lti.upsertResourceLink(platform.id, "rl-1", { kind: "lesson", id: lesson.slug }, null);
    const otherLink = await ctx.repos.lti.upsertResourceLink(platform.id, "rl-2", { kind: "drill", id: "x" }, null);
    await ctx.repos.lti.recordLaunch(ltiMe, link.id, now);
    await ctx.repos.lti.recordLaunch(ltiOther, otherLink.id, now);
    const lti = JSON.parse((await service().settings(ltiMe))!.body);
    expect(lti.profile).toMatchObject({ name: "lti-me", role: "learner", signsInWith: "lti" });
    expect(lti.flashcards.fsrsParameters).toEqual({ weights, optimisedAt: now.toISOString() });
    expect(lti.lti).toEqual({
      account: {
        platform: "Course Moodle",
        issuer: platform.issuer,
        userId: "moodle-user-42",
        linkedAt: expect.any(String),
      },
      launches: [
        {
          platform: "Course Moodle",
          issuer: platform.issuer,
          opens: "lesson",
          id: lesson.slug,
          title: lesson.title,
          lastLaunchedAt: now.toISOString(),
        },
      ],
      platformsYouRegistered: [],
    });
    expect(JSON.stringify(lti)).not.toContain("moodle-user-43");

    // The instructor's own registration, and nothing of their learners'.
    const mine = JSON.parse((await service().settings(teacher.id))!.body);
    expect(mine.profile.role).toBe("instructor");
    expect(mine.lti.platformsYouRegistered).toEqual([
      {
        name: "Course Moodle",
        issuer: platform.issuer,
        clientId: "kubelearn",
        deploymentIds: ["7"],
        authLoginUrl: "https://moodle.example/auth",
        authTokenUrl: "https://moodle.example/token",
        jwksUrl: "https://moodle.example/jwks",
        registeredAt: now.toISOString(),
      },
    ]);
    expect(JSON.stringify(mine)).not.toContain("moodle-user-4");
    expect(await service().settings("no-such-user")).toBeNull();
  });

  it("zips every CSV and the account settings, named by date, each the same as its own download", async () => {
    const me = await learner("export-zip");
    await giveHistory(ctx.repos, me.id, now);
    const zip = await service().zip(me.id);
    expect(zip.filename).toBe("kubelearn-my-data-2026-06-01.zip");
    const entries = unzipSync(zip.body);
    expect(Object.keys(entries).sort()).toEqual([...DATA_FILES.map(dataFileName), ACCOUNT_SETTINGS_FILE].sort());
    expect(Buffer.from(entries[ACCOUNT_SETTINGS_FILE]).toString("utf8")).toBe((await service().settings(me.id))!.body);
    // Buffer keeps the byte-order mark (TextDecoder would drop it).
    for (const file of DATA_FILES)
      expect(Buffer.from(entries[dataFileName(file)]).toString("utf8")).toBe((await service().csv(me.id, file)).body);
  });

  it("gives a learner with no history the headers alone", async () => {
    const me = await learner("export-empty");
    const file = await service().csv(me.id, "quiz-answers");
    expect(file).toMatchObject({ filename: "kubelearn-quiz-answers.csv", contentType: "text/csv; charset=utf-8" });
    expect(file.body).toBe(
      '\uFEFF"attempt","quiz","question number","question","your answer","right or wrong","score (%)","answered at"\r\n',
    );
  });
});

describe("data download paths", () => {
  it("are a table's CSV or the zip of all", () => {
    expect(dataDownloadSchema.parse("quiz-answers.csv")).toEqual({ kind: "csv", file: "quiz-answers" });
    expect(dataDownloadSchema.parse("all.zip")).toEqual({ kind: "zip" });
    expect(dataDownloadSchema.parse("account-settings.json")).toEqual({ kind: "settings" });
    expect(dataDownloadSchema.safeParse("account-settings.csv").success).toBe(false);
    expect(dataDownloadSchema.safeParse("users.csv").success).toBe(false);
    expect(dataDownloadSchema.safeParse("../quiz-answers.csv").success).toBe(false);
  });
});
