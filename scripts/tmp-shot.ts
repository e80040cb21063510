import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../playwright.config";
const base = "http://127.0.0.1:3401";
(async () => {
  const browser = await chromium.launch(chromiumLaunchOptions);
  for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["mobile", { width: 390, height: 844 }]] as const) {
    const page = await browser.newPage({ viewport });
    await page.goto(`${base}/signin`);
    await page.getByLabel("E-mail").fill("learner@example.com");
    await page.getByLabel("Password").fill(process.env.PW ?? "learn-kubernetes");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/progress`);
    await page.getByRole("heading", { name: "Your activity" }).scrollIntoViewIfNeeded();
    await page.getByText("Study per day").first().waitFor();
    await page.screenshot({ path: `/tmp/activity-${name}.png`, fullPage: false });
    await page.getByRole("heading", { name: "Your activity" }).evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `/tmp/activity-${name}.png` });
  }
  await browser.close();
})();
