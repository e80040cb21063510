import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { newLearner, signUp } from "./helpers";

const SHOTS = process.env.LAB_SCREENSHOTS;

// The Pixel 7's touch and user agent at 390×844; screenshots for the docs at one pixel per CSS pixel.
test.use({ viewport: { width: 390, height: 844 }, ...(SHOTS ? { deviceScaleFactor: 1 } : {}) });

test("on a phone the drill's steps, terminal and cluster are tabs, used from the keyboard; wide output scrolls in the terminal", async ({
  page,
}) => {
  await signUp(page, newLearner());
  await page.goto("/drills/no-ready-pods");
  const tabs = page.getByRole("tablist", { name: "Drill panes" });
  const tab = (name: string) => tabs.getByRole("tab", { name });
  await expect(tab("Steps")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "Steps" })).toBeVisible();
  await expect(page.getByLabel("Command")).toBeHidden();
  await expectNoA11yViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lab-mobile-steps.png` });

  // Arrow keys move between the tabs and select them (the WAI-ARIA tabs pattern); only one is in the Tab order.
  await tab("Steps").focus();
  await page.keyboard.press("ArrowRight");
  await expect(tab("Terminal")).toBeFocused();
  await expect(tab("Terminal")).toHaveAttribute("aria-selected", "true");
  await expect(tab("Steps")).toHaveAttribute("tabindex", "-1");
  await expect(page.getByRole("tabpanel", { name: "Steps" })).toBeHidden();
  await page.keyboard.press("ArrowRight");
  await expect(tab("Cluster")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("region", { name: "Cluster" })).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(tab("Steps")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(tab("Cluster")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(tab("Terminal")).toHaveAttribute("aria-selected", "true");

  // Into the terminal: type, Tab completion, history.
  const input = page.getByLabel("Command");
  await input.focus();
  await page.keyboard.type("k get po");
  await page.keyboard.press("Tab");
  await expect(input).toHaveValue("k get pods ");
  await page.keyboard.type("-o wide");
  await page.keyboard.press("Enter");
  const screen = page.getByLabel("Terminal output");
  await expect(screen).toContainText("NOMINATED NODE");
  await page.keyboard.press("ArrowUp");
  await expect(input).toHaveValue("k get pods -o wide");
  await page.keyboard.press("Control+c");
  await enter(page, "help");
  await expect(screen).toContainText("kubectl commands");
  await enter(page, "k get pods -o wide");

  // The wide table scrolls sideways inside the terminal; the page itself stays as wide as the screen.
  const widths = await screen.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The tabs sit under the site's header and the terminal, prompt included, fills the rest of the screen.
  const header = (await page.getByRole("banner").boundingBox())!;
  expect(Math.abs((await tabs.boundingBox())!.y - (header.y + header.height))).toBeLessThan(2);
  const prompt = (await input.boundingBox())!;
  expect(prompt.y + prompt.height).toBeLessThanOrEqual(844);
  await expectNoA11yViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lab-mobile-terminal.png` });

  // A task done from the terminal says so there, with the way back to the steps.
  await tab("Steps").click();
  await page.getByRole("radio", { name: "The connection is refused at once" }).check();
  await page.getByRole("button", { name: "Commit prediction and run it" }).click();
  await expect(page.getByText("You predicted it.")).toBeVisible();
  await tab("Terminal").click();
  await input.focus();
  await enter(page, "kubectl scale deployment web --replicas=2");
  await enter(page, "kubectl rollout status deployment web");
  await expect(page.getByRole("status").filter({ hasText: "Step done. The next step is in Steps." })).toBeVisible();
  await expect(input).toBeFocused();
  await page.getByRole("button", { name: "Show the steps" }).click();
  await expect(tab("Steps")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText("2 of 3 steps done")).toBeVisible();

  await tab("Cluster").click();
  await expect(page.getByRole("region", { name: "Cluster" })).toBeVisible();
  await expectNoA11yViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/lab-mobile-cluster.png` });

  async function enter(p: typeof page, line: string) {
    await p.keyboard.type(line);
    await p.keyboard.press("Enter");
  }
});

/** The lab is held to every axe rule, not only the serious ones. */
async function expectNoA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
    [],
  );
}
