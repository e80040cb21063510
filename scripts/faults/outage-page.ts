import { type Browser, chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../../playwright.config";

// What a signed-in learner's browser shows while the database is away: the root layout reads the
// user, so Next.js sends an empty error shell and the browser renders app/global-error.tsx from the
// digest in the payload. Only a real browser can see that page, hence chromium here.

export class OutagePage {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async open(baseURL: string, sessionCookie: string): Promise<OutagePage> {
    const browser = await chromium.launch(chromiumLaunchOptions);
    const context = await browser.newContext({ baseURL });
    const [name, value] = sessionCookie.split("=");
    await context.addCookies([{ name, value, url: baseURL }]);
    return new OutagePage(browser, await context.newPage());
  }

  /** Opens `path` and reports whether the "briefly unavailable" page (and its retry button) showed. */
  async showsUnavailable(path: string): Promise<boolean> {
    await this.page.goto(path);
    const heading = this.page.getByRole("heading", { name: "kubelearn is briefly unavailable" });
    return heading
      .waitFor({ timeout: 15_000 })
      .then(() => this.page.getByRole("button", { name: "Try again" }).isVisible())
      .catch(() => false);
  }

  /** Presses "Try again" and reports whether the real page (its heading `name`) came back. */
  async recoversOnRetry(name: string): Promise<boolean> {
    await this.page.getByRole("button", { name: "Try again" }).click();
    return this.page
      .getByRole("heading", { name, level: 1 })
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
  }

  close() {
    return this.browser.close();
  }
}
