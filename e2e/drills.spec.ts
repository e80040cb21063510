import { expect, type Page, test } from "@playwright/test";
import { course } from "./course";
import { expectNoSeriousA11yViolations, newLearner, signUp } from "./helpers";

async function type(page: Page, command: string) {
  const input = page.getByLabel("Command");
  await input.fill(command);
  await input.press("Enter");
  await expect(page.getByLabel("Terminal output")).toContainText(`$ ${command}`);
}

test("a learner completes a drill by typing commands, predicting and fixing the cluster", async ({ page }) => {
  await signUp(page, newLearner());
  await page.goto("/drills");
  await expect(page.getByRole("heading", { name: "Drills", level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "A Service with nobody home" }).click();
  await expect(page.getByRole("heading", { name: "A Service with nobody home" })).toBeVisible();
  await expect(page.getByText("0 of 3 steps done")).toBeVisible();

  // The terminal: a command, Tab completion, history.
  await type(page, "kubectl get pods -o wide");
  await expect(page.getByLabel("Terminal output")).toContainText("client");
  const input = page.getByLabel("Command");
  await input.fill("kubectl get endpointsl");
  await input.press("Tab");
  await expect(input).toHaveValue("kubectl get endpointslices ");
  await input.fill("");
  await input.press("ArrowUp");
  await expect(input).toHaveValue("kubectl get pods -o wide");
  await input.fill("");
  // The cluster view lists the Service and its endpoints as text.
  const view = page.getByRole("region", { name: "Cluster" });
  await expect(view.getByText(/^web ClusterIP · 10\.\d+\.\d+\.\d+ · 80\/TCP$/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // While the prediction is open, its own change is not run (however it is spelled): committing runs it.
  const terminal = page.getByLabel("Terminal output");
  const twoEndpoints = view.getByText(/^endpoints: 10\.244\.\d+\.\d+, 10\.244\.\d+\.\d+$/).first();
  await type(page, "kubectl scale deploy/web --replicas 0");
  await expect(terminal).toContainText("Commit your prediction first; this step runs that command for you.");
  await expect(twoEndpoints).toBeVisible();
  // Anything else runs, and the newest command can be taken back.
  // The third pod appears at once (its endpoint follows when its container has started).
  const webPods = view.getByRole("listitem").filter({ hasText: /^web-/ });
  await type(page, "kubectl scale deployment web --replicas=3");
  await expect(webPods).toHaveCount(3);
  await page.getByRole("button", { name: "Undo last command" }).click();
  await expect(webPods).toHaveCount(2);
  await expect(twoEndpoints).toBeVisible();
  await expect(terminal).not.toContainText("--replicas=3");
  await expect(terminal).toContainText("$ kubectl get pods -o wide");

  // Step 1: predict, then observe.
  await page.getByRole("radio", { name: "The connection is refused at once" }).check();
  await page.getByRole("button", { name: "Commit prediction and run it" }).click();
  await expect(page.getByText("You predicted it.")).toBeVisible();
  await expect(page.getByLabel("Terminal output")).toContainText("Connection refused");
  const lastPath = view.getByRole("figure", { name: "Path of the last request, to web:80" });
  await expect(lastPath).toContainText("refused");
  await expect(lastPath.getByRole("listitem")).toHaveText([
    /^pod client: 10\.244\./,
    /^→Service web \(ClusterIP\): 10\./,
    /^→refused: service default\/web has no ready endpoints$/,
  ]);

  // Step 2: a task checked against the cluster.
  await page.getByRole("button", { name: "Check my work" }).click();
  await expect(page.getByText("Not done yet: Service web should have 2 ready endpoints; it has 0.")).toBeVisible();
  // The live goal holds as soon as the command runs: the step is done without another click (the server replayed it).
  await type(page, "kubectl scale deployment web --replicas=2");
  // The new pods pull nginx first: the goal holds once the rollout is done.
  await type(page, "kubectl rollout status deployment web");
  await expect(page.getByText("2 of 3 steps done")).toBeVisible();
  // The diagram follows every request: now a pod answers, and the view says which rule chose it.
  await type(page, "kubectl exec client -- curl -s --max-time 5 web");
  await expect(lastPath.getByRole("listitem")).toHaveText([
    /^pod client/,
    /^→Service web/,
    /^→pod web-\S+: 10\.244\.\d+\.\d+:80$/,
  ]);
  await expect(lastPath).toContainText("Why this pod: kube-proxy (iptables) picked one of 2 endpoints at random");
  if (process.env.LAB_SCREENSHOTS) await view.screenshot({ path: `${process.env.LAB_SCREENSHOTS}/request-path.png` });
  for (const colorScheme of ["dark", "light"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousA11yViolations(page);
  }

  // Progress survives a reload: the cluster is rebuilt from the saved commands.
  await page.reload();
  await expect(page.getByText("2 of 3 steps done")).toBeVisible();
  await expect(view.getByText(/^endpoints: 10\.244\.\d+\.\d+, 10\.244\.\d+\.\d+$/).first()).toBeVisible();

  // Step 3: a wrong prediction is recorded as wrong, and the drill completes.
  await type(page, "cat web-typo.yaml");
  await page.getByRole("radio", { name: "A web pod answers: the Service matches pods by name" }).check();
  await page.getByRole("button", { name: "Commit prediction and run it" }).click();
  await expect(page.getByText("Not what happened.")).toBeVisible();
  await expect(page.getByText("Drill complete: 2 of 3 right first time.")).toBeVisible();

  await page.goto("/drills");
  await expect(page.getByRole("listitem").filter({ hasText: "A Service with nobody home" })).toContainText("Completed");
  await page.goto("/");
  await expect(page.locator("dl > div").filter({ hasText: "Drills completed" }).locator("dd")).toHaveText(
    `1 / ${course.drillCount}`,
  );

  // Reset starts over.
  await page.goto("/drills/no-ready-pods");
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Reset drill" }).click();
  await expect(page.getByText("0 of 3 steps done")).toBeVisible();
});
