import { type Browser, expect, type Page, request, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, LESSON_SLUG, LESSON_TITLE, newLearner, signIn, signUp } from "./helpers";
import { LMS_USERS, LtiPlatform } from "./lti-platform";

// kubelearn as an LTI 1.3 tool, end to end against the stand-in platform in ./lti-platform.ts
// (written from the IMS LTI 1.3 Core, Deep Linking 2.0 and AGS 2.0 specifications).
const PLATFORM_PORT = Number(process.env.LTI_PLATFORM_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
const platform = new LtiPlatform(PLATFORM_PORT);

test.describe.configure({ mode: "serial" });
test.beforeAll(() => platform.start());
test.afterAll(() => platform.stop());

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** Starts the quiz on the page, answers the first question and finishes it. */
async function finishQuiz(page: Page) {
  await page.getByLabel("At the end").check();
  await page.getByRole("button", { name: /Start (quiz|a new attempt)/ }).click();
  await expect(page.getByText("Question 1 of 10")).toBeVisible();
  if ((await page.getByRole("radio").count()) > 0 || (await page.getByRole("checkbox").count()) > 0)
    await page.keyboard.press("1");
  else if ((await page.getByLabel("Missing term").count()) > 0) await page.getByLabel("Missing term").fill("Service");
  else for (const select of await page.getByRole("combobox").all()) await select.selectOption({ index: 1 });
  await page.keyboard.press("Enter");
  await expect(page.getByText("Question 2 of 10")).toBeVisible();
  await page.getByRole("button", { name: "Question 10" }).click();
  await page.getByRole("button", { name: /Finish now/ }).click();
}

test("an instructor registers the platform and reads the tool's URLs", async ({ page }) => {
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto("/teach/lti");
  const url = (label: string) => page.locator(`[data-tool-url="${label}"]`).textContent();
  const loginUrl = (await url("Initiate login URL"))!;
  const launchUrl = (await url("Redirection URI (launch)"))!;
  const jwksUrl = (await url("Public keyset URL (JWKS)"))!;
  expect(loginUrl).toMatch(/\/lti\/login$/);
  platform.configureTool({ loginUrl, launchUrl, jwksUrl });
  const jwks = await (await page.request.get(jwksUrl)).json();
  expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
  expect(jwks.keys[0].kid).toBeTruthy();
  expect(jwks.keys[0].d).toBeUndefined();

  const r = platform.registration;
  await page.getByLabel("Name (for you)").fill("Stand-in LMS");
  await page.getByLabel("Issuer (platform ID)").fill(r.issuer);
  await page.getByLabel("Client ID").fill(r.clientId);
  await page.getByLabel("Authentication request URL").fill(r.authLoginUrl);
  await page.getByLabel("Access token URL").fill(r.authTokenUrl);
  await page.getByLabel("Public keyset URL").fill(r.jwksUrl);
  await page.getByLabel("Deployment IDs (one per line)").fill(r.deploymentIds);
  await page.getByRole("button", { name: "Register platform" }).click();
  await expect(page.getByText("Registered “Stand-in LMS”.")).toBeVisible();
  await expect(page.getByText(`${r.issuer} · client ${r.clientId}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Registering the same issuer and client id again is refused beside the field.
  await page.getByLabel("Name (for you)").fill("Again");
  await page.getByLabel("Issuer (platform ID)").fill(r.issuer);
  await page.getByLabel("Client ID").fill(r.clientId);
  await page.getByLabel("Authentication request URL").fill(r.authLoginUrl);
  await page.getByLabel("Access token URL").fill(r.authTokenUrl);
  await page.getByLabel("Public keyset URL").fill(r.jwksUrl);
  await page.getByLabel("Deployment IDs (one per line)").fill(r.deploymentIds);
  await page.getByRole("button", { name: "Register platform" }).click();
  await expect(page.getByText("This issuer and client ID are registered already.")).toBeVisible();
});

test("the LMS's instructor deep-links a lesson quiz into the course", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto(platform.launchUrl(LMS_USERS.teacher, "deep-link"));
  await expect(page.getByRole("heading", { name: "Choose an activity for your course" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel(`Quiz: ${LESSON_TITLE}`, { exact: true }).check();
  await page.getByRole("button", { name: "Add to course" }).click();
  await expect(page.getByRole("heading", { name: `Added to the course: Quiz: ${LESSON_TITLE}` })).toBeVisible();
  expect(platform.links).toEqual([
    expect.objectContaining({
      title: `Quiz: ${LESSON_TITLE}`,
      custom: { kubelearn_kind: "lesson", kubelearn_id: LESSON_SLUG },
      scoreMaximum: 100,
    }),
  ]);
});

test("a learner launches the quiz from the LMS, finishes it, and the score reaches the grade book", async ({
  browser,
}) => {
  const page = await freshPage(browser);
  const link = platform.links[0];
  const launches: number[] = [];
  page.on("response", (r) => {
    if (r.url().endsWith("/lti/launch")) launches.push(r.status());
  });
  await page.goto(platform.launchUrl(LMS_USERS.learner, "resource", { linkId: link.id }));
  await expect(page).toHaveURL(new RegExp(`/lessons/${LESSON_SLUG}/quiz$`));
  // The launch answers 303 See Other, so the browser goes on with a GET and does not post the id_token again.
  expect(launches).toEqual([303]);
  await finishQuiz(page);
  const result = page.getByRole("heading", { name: /^Your result: \d+%$/ });
  await expect(result).toBeVisible();
  const percent = Number((await result.textContent())!.match(/(\d+)%/)![1]);

  await expect.poll(() => platform.scores.length, { timeout: 15_000 }).toBe(1);
  const [score] = platform.scores;
  expect(score.lineItemUrl).toBe(link.lineItemUrl);
  expect(score.contentType).toBe("application/vnd.ims.lis.v1.score+json");
  expect(score.body).toMatchObject({
    userId: LMS_USERS.learner.sub,
    scoreMaximum: 100,
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
  });
  expect(Math.round(score.body.scoreGiven as number)).toBe(percent);
  expect(platform.tokenRequests.at(-1)).toMatchObject({
    grant_type: "client_credentials",
    scope: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  });
  // Reviewing (or reloading) the finished attempt sends nothing more.
  await page.reload();
  await page.waitForTimeout(500);
  expect(platform.scores).toHaveLength(1);
});

test("the tool refuses a bad signature, a replayed launch, a reused nonce and an unknown deployment", async ({
  browser,
}) => {
  const page = await freshPage(browser);
  const link = platform.links[0];
  const refused = (text: string) => expect(page.getByRole("alert")).toHaveText(text);

  await page.goto(platform.launchUrl(LMS_USERS.learner, "resource", { linkId: link.id, tamper: "bad-signature" }));
  await refused("The launch could not be verified: its signature, issuer, audience or dates do not check out.");

  await page.goto(platform.launchUrl(LMS_USERS.learner, "resource", { linkId: link.id, tamper: "unknown-deployment" }));
  await refused("This deployment is not registered with kubelearn.");

  // A good launch, then the same id_token and state posted again: the state is spent.
  await page.goto(platform.launchUrl(LMS_USERS.learner, "resource", { linkId: link.id }));
  await expect(page).toHaveURL(new RegExp(`/lessons/${LESSON_SLUG}/quiz$`));
  const spent = platform.lastLaunch!;
  const replay = await page.request.post("/lti/launch", { form: { id_token: spent.idToken, state: spent.state } });
  expect(replay.status()).toBe(400);
  expect(await replay.text()).toContain("This launch was already used, has expired, or was not started here.");

  // The old id_token with a fresh login's state: its nonce is not the one stored with that state.
  const login = await page.request.get(platform.launchUrl(LMS_USERS.learner, "resource", { linkId: link.id }), {
    maxRedirects: 0,
  });
  const auth = new URL(login.headers().location);
  const reused = await page.request.post("/lti/launch", {
    form: { id_token: spent.idToken, state: auth.searchParams.get("state")! },
  });
  expect(reused.status()).toBe(400);
  expect(await reused.text()).toContain("This launch was already used or was not started here.");
});

test("the course page frames the launched quiz; other kubelearn pages still refuse to be framed", async ({
  browser,
}) => {
  const page = await freshPage(browser);
  const link = platform.links[0];
  const frameAncestors: Record<string, string> = {};
  page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    if (r.request().frame() !== page.mainFrame()) frameAncestors[path] = r.headers()["content-security-policy"] ?? "";
  });
  await page.goto(platform.coursePageUrl(platform.launchUrl(LMS_USERS.learner, "resource", { linkId: link.id })));
  const activity = page.frameLocator('iframe[title="kubelearn activity"]');
  await expect(activity.getByRole("button", { name: /Start (quiz|a new attempt)/ })).toBeVisible();
  // The landing page names the stand-in's origin, and only it, as a frame ancestor.
  expect(frameAncestors[`/lessons/${LESSON_SLUG}/quiz`]).toContain(`frame-ancestors ${platform.issuer}`);
  await expectNoSeriousA11yViolations(page);

  // The same browser, the same course page, another kubelearn page: refused (a blank, error frame).
  const other = await freshPage(browser);
  const home = await other.request.get("/");
  expect(home.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(home.headers()["x-frame-options"]).toBe("DENY");
  await page.goto(platform.coursePageUrl(`${new URL(link.url).origin}/account/my-data`));
  await expect.poll(() => page.frames().at(-1)?.url()).toMatch(/^chrome-error:/);
  // A tool page opened in a frame by a browser that never launched: refused too.
  await other.goto(platform.coursePageUrl(`${new URL(link.url).origin}/lessons/${LESSON_SLUG}/quiz`));
  await expect.poll(() => other.frames().at(-1)?.url()).toMatch(/^chrome-error:/);
});

test("when the frame keeps no cookie, the launch offers the activity in a new window", async ({ browser }) => {
  const link = platform.links[0];
  // The launch runs in a client of its own, so its session cookie lands there and never in the
  // browser below: that browser is what one that blocks cookies in frames sees after the launch.
  const client = await request.newContext();
  const login = await client.get(platform.launchUrl(LMS_USERS.learner, "resource", { linkId: link.id }), {
    maxRedirects: 0,
  });
  await client.get(login.headers().location);
  const posted = platform.lastLaunch!;
  const launch = await client.post(platform.toolUrl("/lti/launch"), {
    form: { id_token: posted.idToken, state: posted.state },
    maxRedirects: 0,
  });
  expect(launch.status()).toBe(303);
  const landing = launch.headers().location;
  expect(landing).toMatch(/^\/lti\/landing\?/);
  await client.dispose();

  const page = await freshPage(browser);
  await page.goto(platform.coursePageUrl(platform.toolUrl(landing)));
  const activity = page.frameLocator('iframe[title="kubelearn activity"]');
  await expect(activity.getByRole("alert")).toContainText("did not keep kubelearn's sign-in");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousA11yViolations(page);
  }
  const popup = page.waitForEvent("popup");
  await activity.getByRole("button", { name: "Open in a new window" }).click();
  const opened = await popup;
  await expect(opened).toHaveURL(new RegExp(`/lessons/${LESSON_SLUG}/quiz$`));
  await expect(opened.getByRole("button", { name: /Start (quiz|a new attempt)/ })).toBeVisible();
});

test("a learner from the LMS deletes their account by typing the phrase", async ({ browser }) => {
  const page = await freshPage(browser);
  const leaver = { sub: "lms-leaver-1", name: "Leo Leaver", roles: LMS_USERS.learner.roles };
  await page.goto(platform.launchUrl(leaver, "resource", { linkId: platform.links[0].id }));
  await expect(page).toHaveURL(new RegExp(`/lessons/${LESSON_SLUG}/quiz$`));
  await page.goto("/account/my-data");
  await expect(page.getByLabel("Your password")).toHaveCount(0);
  await expect(page.getByText("your account has no password")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Type “delete my account” to confirm").fill("delete");
  await page.getByLabel(/I understand that this deletes my account/).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type “delete my account” exactly to confirm.").first()).toBeVisible();
  await page.getByLabel("Type “delete my account” to confirm").fill("delete my account");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/signin\?deleted=1/);
  await page.goto("/account/my-data");
  await expect(page).toHaveURL(/\/signin/);
});

test("the LTI pages keep their access rules", async ({ browser, request }) => {
  const page = await freshPage(browser);
  await page.goto("/teach/lti");
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent("/teach/lti")}`);
  const respond = await request.post("/lti/deep-link/respond", {
    form: { context: "x", item: `lesson:${LESSON_SLUG}` },
  });
  expect(respond.status()).toBe(400);
  expect((await request.post("/lti/launch", { form: {} })).status()).toBe(400);
  const login = await request.get("/lti/login?iss=https%3A%2F%2Fnobody.example&login_hint=u&target_link_uri=x");
  expect(login.status()).toBe(400);
  expect(await login.text()).toContain("This platform is not registered with kubelearn.");
  await signUp(page, newLearner());
  await page.goto("/teach/lti");
  await expect(page).toHaveURL("/?error=instructors-only");
});

test("a score the grade book refused waits for its retry; the instructor's Retry now sends it", async ({ browser }) => {
  const learner = await freshPage(browser);
  platform.failNextScores = 1;
  const sentBefore = platform.scores.length;
  await learner.goto(platform.launchUrl(LMS_USERS.learner, "resource", { linkId: platform.links[0].id }));
  await expect(learner).toHaveURL(new RegExp(`/lessons/${LESSON_SLUG}/quiz$`));
  await finishQuiz(learner);
  await expect(learner.getByRole("heading", { name: /^Your result: \d+%$/ })).toBeVisible();
  await expect.poll(() => platform.refusedScores, { timeout: 15_000 }).toBe(1);

  const page = await freshPage(browser);
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto("/teach/lti");
  const table = page.getByRole("region", { name: "Grade passback" });
  await expect(table.getByText(/^Waiting: next try/)).toBeVisible();
  await expect(table.getByText("Last error: score endpoint answered 503")).toBeVisible();
  await expect(table.getByText(/^Sent /)).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: `Retry now: ${LMS_USERS.learner.name}, Stand-in LMS` }).click();
  // The row now reads Sent (its button goes with the pending state it belonged to).
  await expect(table.getByText(/^Sent /)).toHaveCount(2);
  expect(platform.scores).toHaveLength(sentBefore + 1);
  await page.reload();
  await expect(table.getByText(/^Sent /)).toHaveCount(2);
  await expect(page.getByRole("button", { name: /^Retry now/ })).toHaveCount(0);
});

test("the instructor deletes the registration after confirming, and its launches stop", async ({ browser }) => {
  const page = await freshPage(browser);
  await signIn(page, "instructor@example.com", "teach-kubernetes");
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto("/teach/lti");
  await page.getByRole("button", { name: "Delete the registration Stand-in LMS" }).click();
  // The LMS's teacher and learner got accounts from launches (the leaver deleted theirs); two scores went out.
  const dialog = page.getByRole("dialog");
  await expect(dialog.locator('[data-impact="accounts"]')).toHaveText(/^2 accounts made by its launches are deleted/);
  await expect(dialog.locator('[data-impact="scores"]')).toContainText("No score is waiting to be sent.");
  await expect(dialog.locator('[data-impact="scores"]')).toContainText("The record of 2 sent scores goes too");
  await page.getByRole("dialog").getByRole("button", { name: "Delete registration" }).click();
  await expect(page.getByText("No platforms registered yet.")).toBeVisible();
  await page.goto(platform.launchUrl(LMS_USERS.learner, "resource", { linkId: platform.links[0].id }));
  await expect(page.getByRole("alert")).toHaveText(
    "This platform is not registered with kubelearn. Ask an instructor to register it under Teach › LTI.",
  );
});
