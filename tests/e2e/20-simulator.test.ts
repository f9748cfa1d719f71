import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DOCS_DIR, launchBrowser, newPage, screenshot } from "./support/browser";
import { waitForReceived } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";

const CALLER = "380507770020";
const SCREENSHOT = path.join(DOCS_DIR, "simulator.png");

async function createEvent(
  projectId: string,
  name: string,
  type: "incoming.answered" | "incoming.after_call",
  url: string,
) {
  // seedUserWithProject pointed the app's modules at the app's database already.
  const { createWebhookEvent } = await import("@/lib/webhooks/service");
  return createWebhookEvent(projectId, {
    name,
    type,
    requests: [
      {
        url,
        method: "POST",
        params: [
          { name: "call_id", type: "text", value: "{{uniqueid}}" },
          { name: "caller", type: "text", value: "{{caller}}" },
          { name: "employee", type: "text", value: "{{employee_fio}}" },
        ],
      },
    ],
  });
}

async function deliveryStatuses(page: Page): Promise<string[]> {
  return page
    .getByTestId("delivery-row")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-status") ?? ""));
}

describe("call simulator", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await disconnectAppDatabase();
  });

  it("plays a simulated incoming call and sees its deliveries turn green", async () => {
    const seeded = await seedUserWithProject("simulator");
    const projectId = seeded.project.id;
    const receiver = inject("receiverUrl");
    await createEvent(
      projectId,
      "Card on pick-up",
      "incoming.answered",
      `${receiver}/sim/answered`,
    );
    await createEvent(
      projectId,
      "Call to CRM",
      "incoming.after_call",
      `${receiver}/sim/after-call?call={{uniqueid}}`,
    );

    const page = await newPage(browser);
    await logIn(page, seeded);
    await page.getByRole("link", { name: "Simulate a call" }).click();
    await page.waitForURL(`**/projects/${projectId}/simulator`);
    await page.getByRole("heading", { name: "Simulate a call" }).waitFor();

    // Before playing: the moments an answered incoming call goes through, and who listens.
    const preview = page.getByTestId("call-moment");
    expect(await preview.count()).toBe(3);
    expect(await preview.nth(1).innerText()).toContain("at the moment of picking up the phone");
    expect(await preview.nth(1).innerText()).toContain("1 enabled event listens");
    // Google Analytics (the default event) and "Call to CRM" both listen after the call.
    expect(await preview.nth(2).innerText()).toContain("2 enabled events listen");
    await screenshot(page, "simulator-before-play");

    await page.getByLabel("Caller").fill(CALLER);
    expect(await page.getByLabel("Incoming").isChecked()).toBe(true);
    expect(await page.getByLabel("Outcome").inputValue()).toBe("answered");
    await page.getByRole("button", { name: "Play the call" }).click();

    // The moments are posted one after another, each with its webhooks.
    await page.locator('[data-testid="call-moment"][data-phase="posted"]').nth(2).waitFor();
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('[data-testid="delivery-row"]')];
        return (
          rows.length === 3 && rows.every((r) => r.getAttribute("data-status") === "succeeded")
        );
      },
      undefined,
      { timeout: 20_000 },
    );
    expect(await deliveryStatuses(page)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const rows = page.getByTestId("delivery-row");
    const receiverHost = new URL(receiver).host;
    const texts = await rows.allInnerTexts();
    const names = texts.map((t) => t.split("\n")[0]);
    expect(names[0]).toBe("Card on pick-up");
    expect(names.slice(1).sort()).toEqual(["Call to CRM", "Google Analytics"]);
    for (const text of texts) {
      expect(text).toContain(receiverHost);
      expect(text).toContain("Succeeded");
      expect(text).toContain("200");
      expect(text).toContain("1 / 4");
    }
    await page.getByText("Finished", { exact: true }).waitFor();
    const before = page.getByTestId("call-moment").first();
    expect(await before.innerText()).toContain("No enabled event listens to this moment.");

    // The receiver got what the page says was sent, for this very call.
    const summary = await page.locator("#simulator-progress + p").innerText();
    const uniqueid = /Call (\d+\.\d+)/.exec(summary)?.[1];
    expect(uniqueid).toBeDefined();
    const answered = await waitForReceived(
      (r) => r.url === "/sim/answered" && r.body.includes(CALLER),
    );
    expect(JSON.parse(answered.body)).toEqual({
      call_id: uniqueid,
      caller: CALLER,
      employee: "Олена Коваленко",
    });
    await waitForReceived((r) => r.url === `/sim/after-call?call=${uniqueid}`);

    await mkdir(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it("says no event listens when nothing fires, and offers the way to Webhooks", async () => {
    const seeded = await seedUserWithProject("silent");
    const db = await useAppDatabase();
    await db.webhookEvent.updateMany({
      where: { projectId: seeded.project.id },
      data: { enabled: false },
    });
    const page = await newPage(browser);
    await logIn(page, seeded);
    await page.goto(`/projects/${seeded.project.id}/simulator`);

    // Outgoing: the parties change places and only outgoing outcomes are offered.
    await page.getByText("Outgoing", { exact: true }).click();
    expect(await page.getByLabel("Caller").inputValue()).toBe("380441112233");
    expect(await page.getByLabel("Called number").inputValue()).toBe("380671234567");
    const outcomes = await page
      .getByLabel("Outcome")
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(outcomes).toEqual(["answered", "no_answer", "busy"]);
    await page.getByLabel("Outcome").selectOption("busy");

    await page.getByRole("button", { name: "Play the call" }).click();
    await page.locator('[data-testid="call-moment"][data-phase="posted"]').nth(1).waitFor();
    const notice = page.getByTestId("no-listeners");
    await notice.waitFor();
    expect(await notice.innerText()).toContain(
      "No enabled event listens to these moments — add one on Webhooks",
    );
    expect(await page.getByTestId("delivery-row").count()).toBe(0);
    await screenshot(page, "simulator-nothing-listens");
    await notice.getByRole("link", { name: "Webhooks" }).click();
    await page.waitForURL(`**/projects/${seeded.project.id}/webhooks`);
  });

  it("shows a delivery that fails in red with its error, and one waiting to retry", async () => {
    const seeded = await seedUserWithProject("failing");
    const projectId = seeded.project.id;
    const db = await useAppDatabase();
    await db.webhookEvent.updateMany({ where: { projectId }, data: { enabled: false } });
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    // Port 9 (discard) has no listener on the test machine: the connection is refused.
    const closed = (attempts: number) => ({
      url: "http://127.0.0.1:9/closed",
      method: "POST" as const,
      retry: { attempts, schedule: "fixed" as const },
    });
    await createWebhookEvent(projectId, {
      name: "Closed port, once",
      type: "incoming.after_call",
      requests: [closed(1)],
    });
    await createWebhookEvent(projectId, {
      name: "Closed port, retried",
      type: "incoming.after_call",
      requests: [closed(3)],
    });
    const page = await newPage(browser);
    await logIn(page, seeded);
    await page.goto(`/projects/${projectId}/simulator`);
    await page.getByLabel("Outcome").selectOption("no_answer");
    await page.getByRole("button", { name: "Play the call" }).click();

    const failed = page.locator('[data-testid="delivery-row"][data-status="failed"]');
    await failed.waitFor({ timeout: 20_000 });
    const retrying = page.locator('[data-testid="delivery-row"][data-status="pending"]');
    await retrying.getByText("Retrying").waitFor({ timeout: 20_000 });
    const failedText = await failed.innerText();
    expect(failedText).toContain("Closed port, once");
    expect(failedText).toContain("Failed");
    expect(failedText).toContain("1 / 1");
    expect(failedText).toMatch(/refused/i);
    const retryingText = await retrying.innerText();
    expect(retryingText).toContain("1 / 3");
    expect(retryingText).toMatch(/next try (in \d+ s|now)/);
    await page.getByText("Waiting to retry", { exact: true }).waitFor();
    await screenshot(page, "simulator-failures");
  });

  it("is reachable with the keyboard: the form's controls carry labels and the play button takes Enter", async () => {
    const seeded = await seedUserWithProject("keyboard");
    const page = await newPage(browser);
    await logIn(page, seeded);
    await page.goto(`/projects/${seeded.project.id}/simulator`);
    // Enter reaches the form's check once React has hydrated it; before that, on a loaded
    // machine, the browser's own submit reloads the page and the message never comes.
    for (let tries = 1; ; tries += 1) {
      await page.getByLabel("Department").fill("");
      await page.getByLabel("Department").press("Enter");
      try {
        await page.getByText("enter a department").waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (tries === 4) throw error;
      }
    }
    expect(await page.getByLabel("Department").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Department").fill("Підтримка");
    await page.getByLabel("Department").focus();
    // Department → Outcome → Play the call.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe("Play the call");
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="call-moment"][data-phase="posted"]').nth(2).waitFor();
  });
});
