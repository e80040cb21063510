import fs from "node:fs";
import http from "node:http";
import { expect, type Page, test } from "@playwright/test";
import { LESSON_SLUG, newLearner, signIn, signUp } from "./helpers";

// Requests no form would send, sent by hand to the built server: every answer is a sentence a
// person can read (or, for a request that is not even well-formed, a bare digest), never a stack trace.

/** A server action's id in this build (the browser gets it the same way, from the page's code). */
function actionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action ${name} in this build`);
  return id;
}

/**
 * What a form's useActionState sends: the form's fields as "_1_<name>" (form reference 1), then the
 * arguments in "0": the previous state and "$K1". The root goes last: the server parses the stream
 * as it arrives and resolves "$K1" from the fields already read.
 */
function actionForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify([{ ok: true, message: null, fieldErrors: {} }, "$K1"]));
  return form;
}

const STACK_TRACE = /\n\s+at |node_modules|\.next\/server|\.js:\d+:\d+/;

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
  return `${cookie!.name}=${cookie!.value}`;
}

/** POSTs a body in chunks without Content-Length, which proxy.ts cannot size up front. */
function postChunked(url: string, cookie: string, size: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: { cookie, "content-type": "application/json", "transfer-encoding": "chunked" },
      },
      (res) => {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    const chunk = "x".repeat(16 * 1024);
    for (let sent = 0; sent < size; sent += chunk.length) request.write(chunk);
    request.end();
  });
}

test("the progress route answers malformed input with readable 400s and oversized bodies with 413", async ({
  page,
  baseURL,
}) => {
  await signUp(page, newLearner());
  // A Buffer is sent as it is (a string would be serialised as JSON).
  const post = (text: string) =>
    page.request.post("/api/progress", { data: Buffer.from(text), headers: { "content-type": "application/json" } });

  const notJson = await post("slug=a&seconds=5");
  expect(notJson.status()).toBe(400);
  expect(await notJson.json()).toEqual({ ok: false, error: "The request body must be JSON." });

  const deep = await post(`${"[".repeat(5_000)}${"]".repeat(5_000)}`);
  expect(deep.status()).toBe(400);
  expect((await deep.json()).error).toMatch(/nests deeper than \d+ levels/);

  const wrong = await post(JSON.stringify({ slug: LESSON_SLUG, seconds: "ten" }));
  expect(wrong.status()).toBe(400);
  expect((await wrong.json()).error).toMatch(/^seconds: /);

  const chunked = await postChunked(`${baseURL}/api/progress`, await sessionCookie(page), 1_200_000);
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body)).toEqual({
    ok: false,
    error: "The request body is too large; this address accepts at most 64 KB.",
  });

  const fine = await post(JSON.stringify({ slug: LESSON_SLUG, seconds: 3 }));
  expect(await fine.json()).toEqual({ ok: true, timeSpentSec: 3 });
});

test("the quiz API reads bodies through the capped reader, and next-auth gets no body of unstated length", async ({
  page,
  baseURL,
}) => {
  await signUp(page, newLearner());
  const cookie = await sessionCookie(page);
  for (const route of ["/api/quiz/attempts", "/api/quiz/attempts/no-such-attempt/answers"]) {
    const chunked = await postChunked(`${baseURL}${route}`, cookie, 1_200_000);
    expect(chunked.status, route).toBe(413);
    expect(JSON.parse(chunked.body).error, route).toMatch(/too large; this address accepts at most 64 KB/);
  }
  const deep = await page.request.post("/api/quiz/attempts", {
    data: Buffer.from(`${"[".repeat(5_000)}${"]".repeat(5_000)}`),
    headers: { "content-type": "application/json" },
  });
  expect(deep.status()).toBe(400);
  expect((await deep.json()).error).toMatch(/nests deeper than \d+ levels/);

  // next-auth reads its bodies uncapped: without a stated length it never sees them.
  const auth = await postChunked(`${baseURL}/api/auth/callback/credentials`, cookie, 1_200_000);
  expect(auth.status).toBe(411);
  expect(auth.body).toBe("Send this request with a Content-Length.");
});

test("every response carries its own request id; one sent by a client is not trusted", async ({ request }) => {
  const first = await request.get("/signin");
  const second = await request.get("/api/health", { headers: { "x-request-id": "client-chosen-id-123" } });
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  expect(first.headers()["x-request-id"]).toMatch(uuid);
  // The e2e server runs without TRUST_PROXY=1, so the client's id is replaced.
  expect(second.headers()["x-request-id"]).toMatch(uuid);
  expect(second.headers()["x-request-id"]).not.toBe(first.headers()["x-request-id"]);
});

test("a server action gets the readable state for malformed form data, and a bare digest for garbage", async ({
  page,
}) => {
  await signUp(page, newLearner());
  const id = actionId("setLessonCompletedAction");
  const url = `/lessons/${LESSON_SLUG}`;

  // Well-formed, but the fields are missing or wrong: the action's own sentence, as a form shows it.
  const malformed = await page.request.post(url, {
    headers: { "Next-Action": id, accept: "text/x-component" },
    multipart: actionForm({ slug: "", completed: "maybe" }),
  });
  expect(malformed.status()).toBe(200);
  const state = await malformed.text();
  expect(state).toContain('"ok":false');
  expect(state).toContain("That request was not understood; reload the page and try again.");
  expect(state).toContain('"values":{"slug":"","completed":"maybe"}');

  // Not even the action-call format: Next.js answers 500 with only a digest (the stack stays in the log).
  for (const body of ["garbage{{", `${"[".repeat(50_000)}${"]".repeat(50_000)}`]) {
    const garbage = await page.request.post(url, {
      headers: { "Next-Action": id, "content-type": "text/plain;charset=UTF-8" },
      data: Buffer.from(body),
    });
    expect(garbage.status()).toBe(500);
    const text = await garbage.text();
    expect(text).toMatch(/E\{"digest":"\d+"\}/);
    expect(text).not.toMatch(STACK_TRACE);
    expect(text).not.toMatch(/SyntaxError|RangeError|JSON/);
  }
});

test("an impossible or far-away due date gets a field error, not a stored date", async ({ page }) => {
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await page.getByRole("link", { name: "Teach" }).click();
  await page.getByLabel("New class name").fill("Due dates");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Due dates" })).toBeVisible();
  const classId = page.url().split("/").at(-1)!;

  // Year 9999 can be typed into the date picker; Prisma could not store it (a 500 before).
  await page.getByLabel("What to assign").selectOption(`lesson:${LESSON_SLUG}`);
  await page.getByLabel("Due").fill("9999-12-31T23:59");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByLabel("Due")).toHaveAccessibleDescription(/^Pick a due date between \d{4}-\d{2}-\d{2} and /);
  await expect(page.getByLabel("Due")).toHaveValue("9999-12-31T23:59");

  // 2030-13-45T25:61 cannot be typed there, only sent; it used to be stored as 2031-02-15.
  const response = await page.request.post(page.url(), {
    headers: { "Next-Action": actionId("addAssignmentAction"), accept: "text/x-component" },
    multipart: actionForm({
      classId,
      quiz: `lesson:${LESSON_SLUG}`,
      dueAt: "2030-13-45T25:61",
    }),
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('"dueAt":"That date and time do not exist; pick them from the calendar."');
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Assignments", exact: true }).getByText("None yet.", { exact: true }),
  ).toBeVisible();
});
