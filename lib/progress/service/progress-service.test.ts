import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../content/load-content";
import { createDb, type Db } from "../../db/create-db";
import { type Repositories, repositoriesFor } from "../../db/repositories";
import { testDatabases, uniqueEmail } from "../../db/test-support/databases";
import { MAX_SECONDS_PER_HEARTBEAT } from "../core/lesson-status";
import { createProgressService, type ProgressService } from "./progress-service";

const library = loadContent(path.resolve("content"));
const lesson = library.lessons[0];

describe.each(testDatabases)("progress service on $name", ({ url }) => {
  let db: Db;
  let repos: Repositories;
  let service: ProgressService;
  let clock = new Date("2026-06-01T09:00:00Z");
  beforeAll(() => {
    db = createDb(url);
    repos = repositoriesFor(db);
    service = createProgressService({ repos, library: () => library, now: () => clock });
  });
  afterAll(() => db.$disconnect());
  const learner = () => repos.users.create({ email: uniqueEmail("progress"), name: "Progress", passwordHash: "h" });

  it("caps each reading heartbeat and keeps only sections the lesson has", async () => {
    const user = await learner();
    const section = lesson.toc[0].id;
    const first = await service.recordReading(user.id, { slug: lesson.slug, seconds: 40, sectionId: section });
    expect(first).toMatchObject({ ok: true, value: { timeSpentSec: 40, lastSectionId: section } });
    const capped = await service.recordReading(user.id, { slug: lesson.slug, seconds: 99_999, sectionId: "nowhere" });
    expect(capped).toMatchObject({
      ok: true,
      value: { timeSpentSec: 40 + MAX_SECONDS_PER_HEARTBEAT, lastSectionId: section },
    });
    const negative = await service.recordReading(user.id, { slug: lesson.slug, seconds: -50 });
    expect(negative.ok && negative.value.timeSpentSec).toBe(40 + MAX_SECONDS_PER_HEARTBEAT);
  });

  it("refuses lessons that do not exist, with a message, and stores nothing", async () => {
    const user = await learner();
    expect(await service.recordReading(user.id, { slug: "no-such-lesson", seconds: 10 })).toEqual({
      ok: false,
      error: 'No lesson "no-such-lesson".',
    });
    expect(await service.setCompleted(user.id, "no-such-lesson", true)).toMatchObject({ ok: false });
    expect(await service.list(user.id)).toEqual([]);
  });

  it("reports a quiz's open attempt and finished ones, and the latest score across quizzes", async () => {
    const user = await learner();
    expect(await service.latestQuizScore(user.id)).toBeNull();
    expect(await service.quizStanding(user.id, "lesson", lesson.slug)).toEqual({ unfinished: null, history: [] });
    const start = (scope: "lesson" | "module", target: string) =>
      repos.quizzes.start(user.id, { scope, target, seed: 1, feedback: "end", questionIds: ["q"] }, clock);
    const first = await start("lesson", lesson.slug);
    await repos.quizzes.complete(user.id, first.id, 0.6, new Date("2026-06-04T10:00:00Z"));
    const moduleQuiz = await start("module", lesson.module);
    await repos.quizzes.complete(user.id, moduleQuiz.id, 0.9, new Date("2026-06-05T10:00:00Z"));
    const open = await start("lesson", lesson.slug);

    const standing = await service.quizStanding(user.id, "lesson", lesson.slug);
    expect(standing.unfinished?.id).toBe(open.id);
    expect(standing.history.map((a) => [a.id, a.score])).toEqual([[first.id, 0.6]]);
    expect(await service.latestQuizScore(user.id)).toBe(0.9);
  });

  it("keeps the first completion time when completed twice", async () => {
    const user = await learner();
    clock = new Date("2026-06-02T10:00:00Z");
    await service.visit(user.id, lesson.slug);
    const done = await service.setCompleted(user.id, lesson.slug, true);
    clock = new Date("2026-06-03T10:00:00Z");
    const again = await service.setCompleted(user.id, lesson.slug, true);
    expect(done.ok && again.ok && again.value.completedAt).toEqual(new Date("2026-06-02T10:00:00Z"));
  });
});
