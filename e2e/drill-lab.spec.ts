import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { COMMANDS } from "../lib/sim/kubectl";
import { course } from "./course";
import { newLearner, signUp } from "./helpers";

const SHOTS = process.env.LAB_SCREENSHOTS;

/** Types a line at the focused prompt and presses Enter, with the keyboard only. */
async function enter(page: Page, line: string) {
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

test.use({ viewport: { width: 1440, height: 900 } });

test("on a desktop the drill is a terminal lab used from the keyboard: history, Ctrl-R, Tab, help, clear", async ({
  page,
}) => {
  await signUp(page, newLearner());
  await page.goto("/drills/no-ready-pods");
  const input = page.getByLabel("Command");
  const screen = page.getByLabel("Terminal output");

  // The steps on the left, the terminal beside them with its prompt inside the window, without scrolling.
  await expect(input).toBeInViewport();
  const steps = (await page.getByRole("region", { name: "Steps" }).boundingBox())!;
  const prompt = (await input.boundingBox())!;
  expect(prompt.x).toBeGreaterThan(steps.x + steps.width);
  expect(prompt.y + prompt.height).toBeLessThanOrEqual(900);
  // No tabs side by side.
  await expect(page.getByRole("tablist")).toBeHidden();
  await expectNoA11yViolations(page);

  await input.focus();
  await enter(page, "kubectl get pods");
  await expect(screen).toContainText("$ kubectl get pods");
  await expect(input).toBeFocused();

  // help lists every kubectl command of the simulator's table with its summary, and the terminal's own.
  await enter(page, "help");
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  for (const c of COMMANDS) await expect(screen).toContainText(new RegExp(`${c.name} +${literal(c.summary)}`));
  await expect(screen).toContainText(/clear +Clear the screen/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lab-desktop-help.png` });

  // ↑ walks the history back, ↓ forward again.
  await page.keyboard.press("ArrowUp");
  await expect(input).toHaveValue("help");
  await page.keyboard.press("ArrowUp");
  await expect(input).toHaveValue("kubectl get pods");
  await page.keyboard.press("ArrowDown");
  await expect(input).toHaveValue("help");

  // Ctrl-C abandons the line and shows it with ^C; nothing runs.
  await page.keyboard.press("Control+c");
  await expect(input).toHaveValue("");
  await expect(screen).toContainText("$ help^C");

  // Arrow-key editing: Home, then type at the start of the line.
  await page.keyboard.type("get svc");
  await page.keyboard.press("Home");
  await page.keyboard.type("kubectl ");
  await expect(input).toHaveValue("kubectl get svc");
  await page.keyboard.press("Enter");
  await expect(screen).toContainText("$ kubectl get svc");

  // Ctrl-R finds the newest line containing what is typed; Ctrl-R again an older one; Enter runs it.
  await page.keyboard.press("Control+r");
  await page.keyboard.type("get");
  await expect(page.getByTestId("search-match")).toHaveText("': kubectl get svc");
  await expectNoA11yViolations(page);
  await page.keyboard.press("Control+r");
  await expect(page.getByTestId("search-match")).toHaveText("': kubectl get pods");
  await page.keyboard.press("Enter");
  await expect(screen.locator("pre", { hasText: "$ kubectl get pods" })).toHaveCount(2);
  // Esc leaves the search with the found line at the prompt, to edit.
  await page.keyboard.press("Control+r");
  await page.keyboard.type("svc");
  await page.keyboard.press("Escape");
  await expect(input).toHaveValue("kubectl get svc");
  await page.keyboard.press("Control+c");

  // Tab completes the terminal's own commands as well as programs.
  await page.keyboard.type("hel");
  await page.keyboard.press("Tab");
  await expect(input).toHaveValue("help ");
  await page.keyboard.press("Control+c");
  await page.keyboard.type("cle");
  await page.keyboard.press("Tab");
  await expect(input).toHaveValue("clear ");
  // clear wipes the screen; Ctrl-L too, keeping what is being typed.
  await page.keyboard.press("Enter");
  await expect(screen).not.toContainText("kubectl get pods");
  await enter(page, "kubectl get svc");
  await expect(screen).toContainText("$ kubectl get svc");
  await page.keyboard.type("kubectl get po");
  await page.keyboard.press("Control+l");
  await expect(screen).toHaveText("");
  await expect(input).toHaveValue("kubectl get po");
  await page.keyboard.press("Control+c");
  await expect(input).toBeFocused();

  // Copy and paste: with text selected, Ctrl-C copies (the line stays); several lines pasted run in turn.
  await page.keyboard.type("kubectl get nodes");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("Control+c");
  await expect(input).toHaveValue("kubectl get nodes");
  await expect(screen).not.toContainText("kubectl get nodes^C");
  await page.keyboard.press("End");
  await page.keyboard.press("Control+c");
  await input.evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/plain", "kubectl get nodes\necho pasted\nkubectl get d");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(screen).toContainText("$ echo pasted");
  await expect(screen).toContainText("worker-1");
  await expect(input).toHaveValue("kubectl get d");
  await page.keyboard.press("Control+c");

  // Step 1: committing a prediction brings the next step into view and puts the cursor back at the prompt.
  await page.getByRole("radio", { name: "The connection is refused at once" }).check();
  await page.getByRole("button", { name: "Commit prediction and run it" }).click();
  await expect(page.getByText("You predicted it.")).toBeVisible();
  await expect(input).toBeFocused();
  await expect(page.locator('[aria-current="step"]')).toBeInViewport();

  // Step 2: help in stages: the hints one by one, then after two failed checks (counted by the server,
  // so a reload keeps the count) the solution.
  // The page shows backticked text as code: compare without the backticks.
  const hints = course.taskHints("no-ready-pods", "bring-back").map((h) => h.replaceAll("`", ""));
  expect(hints.length).toBeGreaterThan(1);
  const hintList = page.getByRole("list", { name: "Hints" });
  await page.getByRole("button", { name: "Show a hint" }).click();
  await expect(hintList.getByRole("listitem")).toHaveText([`Hint 1 of ${hints.length}: ${hints[0]}`]);
  for (let i = 1; i < hints.length; i++) {
    await page.getByRole("button", { name: `Show hint ${i + 1} of ${hints.length}` }).click();
    await expect(hintList.getByRole("listitem")).toHaveCount(i + 1);
  }
  await expect(hintList.getByRole("listitem").last()).toHaveText(
    `Hint ${hints.length} of ${hints.length}: ${hints.at(-1)}`,
  );
  await expect(page.getByRole("button", { name: /Show hint/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Show the solution" })).toHaveCount(0);
  await page.getByRole("button", { name: "Check my work" }).click();
  await expect(page.getByText("The solution is offered after 2 failed checks (1 so far).")).toBeVisible();
  await page.reload();
  await expect(page.getByText("The solution is offered after 2 failed checks (1 so far).")).toBeVisible();
  await page.getByRole("button", { name: "Check my work" }).click();
  await expect(page.getByText("Not done yet:")).toBeVisible();
  await page.getByRole("button", { name: "Show the solution" }).click();
  await expect(page.getByText("kubectl scale deployment web --replicas=2")).toBeVisible();
  await expectNoA11yViolations(page);

  // The task turns done as soon as its live goal holds (the server replays and records it), no click needed.
  await input.focus();
  await enter(page, "kubectl scale deployment web --replicas=2");
  await enter(page, "kubectl rollout status deployment web");
  await expect(page.getByText("2 of 3 steps done")).toBeVisible();
  await expect(input).toBeFocused();
  await expect(page.locator('[aria-current="step"]')).toBeInViewport();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lab-desktop.png` });

  // The saved run replays without the clear and the Ctrl-C lines: the commands and the help remain.
  await page.reload();
  await expect(page.getByText("2 of 3 steps done")).toBeVisible();
  await expect(screen).toContainText("$ help");
  await expect(screen).not.toContainText("^C");
  await expect(screen).not.toContainText("$ clear");
});

/** The lab is held to every axe rule, not only the serious ones. */
async function expectNoA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}

test("a shell in a node's debugging pod shows its own prompt, then the learner's again after exit", async ({
  page,
}) => {
  await signUp(page, newLearner());
  await page.goto("/drills/under-the-hood");
  const input = page.getByLabel("Command");
  const screen = page.getByLabel("Terminal output");
  const prompt = page.locator("label", { has: page.getByText("Command", { exact: true }) });
  await expect(prompt).toHaveText(/^\$\s*Command$/);
  await input.focus();
  await enter(page, "kubectl debug node/worker-1 -it --image=busybox");
  await expect(screen).toContainText(
    /Creating debugging pod node-debugger-worker-1-\w+ with container debugger on node worker-1\./,
  );
  await expect(prompt).toHaveText(/^\/ #\s*Command$/);
  await enter(page, "hostname");
  await expect(screen).toContainText(/\/ # hostname\s+worker-1/);
  await enter(page, "exit");
  await expect(prompt).toHaveText(/^\$\s*Command$/);
  await expect(input).toBeFocused();
});

test("the drill page reads right before the simulator arrives, which loads on first use of the terminal", async ({
  page,
}) => {
  await signUp(page, newLearner());
  // A string only the simulator's code holds: the summary of `kubectl get` in its command table.
  const simulatorCode = COMMANDS.find((c) => c.name === "get")!.summary;
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  const bodies = () => Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
  // After the first load, script requests wait until released: what the page does without the simulator shows.
  let holding = false;
  let release = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route("**/_next/static/chunks/**", async (route) => {
    if (holding) await held;
    await route.continue();
  });
  await page.goto("/drills/no-ready-pods");
  await page.waitForLoadState("load");
  const firstLoad = await bodies();
  expect(firstLoad.length).toBeGreaterThan(0);
  expect(firstLoad.filter((body) => body.includes(simulatorCode))).toEqual([]);
  holding = true;

  // The server's view: the cluster, the step with its placeholders filled, the terminal's greeting.
  const view = page.getByRole("region", { name: "Cluster" });
  await expect(view.getByText(/^web ClusterIP · 10\.\d+\.\d+\.\d+ · 80\/TCP$/)).toBeVisible();
  await expect(view.getByRole("listitem").filter({ hasText: /^web-/ })).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Steps" })).not.toContainText("{{");
  const screen = page.getByLabel("Terminal output");
  await expect(screen).toContainText("Drill cluster ready");

  // Typed before the simulator is here: the command waits, and so does Tab; both happen once it arrives.
  const input = page.getByLabel("Command");
  await input.focus();
  await enter(page, "kubectl get pods");
  await page.keyboard.type("kubectl get endpointsl");
  await page.keyboard.press("Tab");
  await expect(input).toHaveValue("kubectl get endpointsl");
  await expect(screen).not.toContainText("$ kubectl get pods");
  release();
  await expect(screen).toContainText("$ kubectl get pods");
  await expect(screen).toContainText(/client\s+1\/1\s+Running/);
  await expect(input).toHaveValue("kubectl get endpointslices ");
  const loaded = await bodies();
  expect(loaded.some((body) => body.includes(simulatorCode))).toBe(true);
});
