import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseCsv } from "../helpers/csv";
import { DOCS_DIR, launchBrowser, newPage, screenshot } from "./support/browser";
import { type FlakyReceiver, startFlakyReceiver } from "./support/flaky-receiver";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";

const FAILURE_BODY = '{"error":"CRM is down","detail":"order 42 was not saved"}';
const SCREENSHOT_PAGE = path.join(DOCS_DIR, "error-check.png");
const SCREENSHOT_DRAWER = path.join(DOCS_DIR, "delivery-drawer.png");

function rowOf(page: Page, callId: string): Locator {
  return page.getByTestId("delivery-row").filter({ hasText: callId });
}

async function rowCallIds(page: Page): Promise<string[]> {
  const texts = await page.getByTestId("delivery-row").allInnerTexts();
  return texts.map((t) => /CALL-\d/.exec(t)?.[0] ?? "?").sort();
}

async function waitForRows(page: Page, callIds: string[]) {
  const expected = [...callIds].sort();
  const deadline = Date.now() + 15_000;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await rowCallIds(page);
    if (JSON.stringify(seen) === JSON.stringify(expected)) return;
    await page.waitForTimeout(150);
  }
  throw new Error(`rows are ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`);
}

describe("webhook error check", () => {
  let browser: Browser;
  let receiver: FlakyReceiver;

  beforeAll(async () => {
    browser = await launchBrowser();
    receiver = await startFlakyReceiver(FAILURE_BODY);
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await disconnectAppDatabase();
  });

  it("shows a 500 with its body, sends it again once fixed, checks with undo, filters and exports", async () => {
    const seeded = await seedUserWithProject("error-check");
    const projectId = seeded.project.id;
    const db = await useAppDatabase();
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const { sampleCallFor } = await import("@/lib/model/sample-calls");
    const request = (pathname: string) => ({
      url: `${receiver.url}${pathname}`,
      method: "POST" as const,
      params: [
        { name: "call_id", type: "text" as const, value: "{{uniqueid}}" },
        { name: "caller", type: "text" as const, value: "{{caller}}" },
      ],
      retry: { attempts: 2 },
    });
    const crm = await createWebhookEvent(projectId, {
      name: "Call to CRM",
      type: "incoming.after_call",
      requests: [request("/crm")],
    });
    const bot = await createWebhookEvent(projectId, {
      name: "Chat bot card",
      type: "incoming.answered",
      requests: [request("/bot")],
    });

    // Three calls: two reach the CRM event, one the chat bot; every one of them fails.
    const calls = [
      { id: "CALL-1", type: "incoming.after_call", caller: "380501110001" },
      { id: "CALL-2", type: "incoming.answered", caller: "380501110002" },
      { id: "CALL-3", type: "incoming.after_call", caller: "380501110003" },
    ] as const;
    for (const call of calls) {
      const sample = sampleCallFor(call.type);
      const response = await fetch(new URL("/api/v1/call-events", inject("baseURL")), {
        method: "POST",
        headers: { "Auth-key": seeded.key, "Content-Type": "application/json" },
        body: JSON.stringify({
          type: call.type,
          occurredAt: new Date().toISOString(),
          call: { ...sample.call, uniqueid: call.id, caller: call.caller },
        }),
      });
      expect(response.status).toBe(202);
    }

    // Retries are 10 s+ apart: once the first attempt failed, the second is made due now.
    const ours = { projectId, webhookEventId: { in: [crm.id, bot.id] } };
    const deadline = Date.now() + 30_000;
    for (;;) {
      await db.delivery.updateMany({
        where: { ...ours, status: "pending", attemptCount: 1 },
        data: { nextAttemptAt: new Date() },
      });
      const failed = await db.delivery.count({ where: { ...ours, status: "failed" } });
      if (failed === 3) break;
      if (Date.now() > deadline) throw new Error(`only ${failed} of 3 deliveries failed`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(receiver.hits.length).toBe(6);

    const page = await newPage(browser);
    await logIn(page, seeded);
    const navLink = page.getByRole("link", { name: /Webhook error check/ });
    expect(await navLink.getByTestId("unchecked-failures").getAttribute("data-count")).toBe("3");
    await navLink.click();
    await page.waitForURL(`**/projects/${projectId}/webhooks/errors`);
    await page.getByRole("heading", { name: "Webhook error check" }).waitFor();
    expect(await navLink.getAttribute("aria-current")).toBe("page");
    expect(
      await page.getByRole("link", { name: "Webhooks", exact: true }).getAttribute("aria-current"),
    ).toBeNull();

    await waitForRows(page, ["CALL-1", "CALL-2", "CALL-3"]);
    expect(await page.getByTestId("list-total").innerText()).toContain("3 failed webhooks");
    const first = rowOf(page, "CALL-1");
    expect(await first.innerText()).toContain("HTTP 500");
    expect(await first.innerText()).toContain("2 of 2 attempts");
    expect(await first.innerText()).toContain("Call to CRM");
    expect(await first.innerText()).toContain("380501110001");

    // The drawer: the receiver's answer, as it came, on every attempt.
    await first.getByRole("button", { name: /^Details/ }).click();
    const drawer = page.getByRole("dialog", { name: /Webhook details/ });
    await drawer.getByTestId("attempt").first().waitFor();
    expect(await drawer.getByTestId("attempt").count()).toBe(2);
    const latest = drawer.getByTestId("attempt").first();
    expect(await latest.innerText()).toContain("Attempt 2");
    expect(await latest.innerText()).toContain("HTTP 500");
    expect(await latest.innerText()).toContain('"error": "CRM is down"');
    await page.screenshot({ path: SCREENSHOT_DRAWER });
    await latest.getByRole("button", { name: "Raw" }).last().click();
    expect(await latest.innerText()).toContain(FAILURE_BODY);
    expect(await drawer.innerText()).toContain('"call_id": "CALL-1"');
    expect(await drawer.innerText()).toContain("380501110001");
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    // The CRM is fixed: Send again delivers it and the row leaves the list.
    receiver.fix();
    await first.getByRole("button", { name: /^Send again/ }).click();
    await page.locator('[data-testid="resend-progress"][data-done="true"]').waitFor();
    expect(await page.getByTestId("resend-progress").innerText()).toContain("1 delivered");
    await waitForRows(page, ["CALL-2", "CALL-3"]);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="unchecked-failures"]')?.getAttribute("data-count") ===
        "2",
    );

    // The event's delivery log shows that delivery delivered, on its third attempt.
    await page.goto(`/projects/${projectId}/webhooks/${crm.id}/deliveries`);
    await page.getByRole("heading", { name: "Delivery log: Call to CRM" }).waitFor();
    const delivered = rowOf(page, "CALL-1");
    await delivered.waitFor();
    expect(await delivered.getAttribute("data-status")).toBe("succeeded");
    expect(await delivered.innerText()).toContain("200 Delivered");
    expect(await delivered.innerText()).toMatch(/3 of \d+ attempts/);
    expect(await rowOf(page, "CALL-3").getAttribute("data-status")).toBe("failed");
    expect(await page.getByTestId("delivery-row").count()).toBe(2);
    await screenshot(page, "delivery-log");

    // Checked takes a row out; Undo within 10 s puts it back.
    await page.goto(`/projects/${projectId}/webhooks/errors`);
    await waitForRows(page, ["CALL-2", "CALL-3"]);
    await rowOf(page, "CALL-3")
      .getByRole("button", { name: /^Mark checked/ })
      .click();
    await waitForRows(page, ["CALL-2"]);
    await page.getByRole("button", { name: "Undo" }).click();
    await waitForRows(page, ["CALL-2", "CALL-3"]);
    expect(await db.delivery.count({ where: { ...ours, status: "failed", checkedAt: null } })).toBe(
      2,
    );

    // A filter narrows the list, lives in the URL and survives a reload.
    await page.getByLabel("Event", { exact: true }).selectOption({ label: "Chat bot card" });
    await waitForRows(page, ["CALL-2"]);
    expect(new URL(page.url()).searchParams.get("eventId")).toBe(bot.id);
    await page.reload();
    await waitForRows(page, ["CALL-2"]);
    expect(await page.getByLabel("Event", { exact: true }).inputValue()).toBe(bot.id);
    expect(await page.getByTestId("list-total").innerText()).toContain("1 failed webhook");

    // The CSV holds exactly the filtered rows.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^failed-webhooks-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = await download.path();
    const [header, ...rows] = parseCsv(await readFile(file, "utf8"));
    expect(header).toBeDefined();
    const column = (name: string) => header?.indexOf(name) ?? -1;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[column("call_id")]).toBe("CALL-2");
    expect(rows[0]?.[column("event")]).toBe("Chat bot card");
    expect(rows[0]?.[column("http_status")]).toBe("500");
    expect(rows[0]?.[column("response_excerpt")]).toContain("CRM is down");

    // The Webhooks table's failure count (an old-style link) lands here filtered; Back returns.
    await page.goto(`/projects/${projectId}/webhooks`);
    await page.getByRole("link", { name: /failed in the last 24 hours for Chat bot card/ }).click();
    await page.waitForURL(/\/webhooks\/errors\?eventId=/);
    await waitForRows(page, ["CALL-2"]);
    await page.goBack();
    await page.waitForURL(`**/projects/${projectId}/webhooks`);
    await page.getByTestId("event-row").first().waitFor();

    // The page as an admin finds it: both remaining failures, the chart, the full view.
    const loadedAt = Date.now();
    await page.goto(`/projects/${projectId}/webhooks/errors?view=full`);
    await waitForRows(page, ["CALL-2", "CALL-3"]);
    await page.screenshot({ path: SCREENSHOT_PAGE, fullPage: true });

    // A click on the chart's bar of the hour the failures happened in filters the list to it.
    const HOUR = 3_600_000;
    const created = (
      await db.delivery.findFirstOrThrow({ where: { ...ours, callId: "CALL-2" } })
    ).createdAt.getTime();
    const chartStart = Math.floor(loadedAt / HOUR) * HOUR + HOUR - 168 * HOUR;
    const index = Math.floor(created / HOUR) - chartStart / HOUR;
    const grid = await page
      .getByTestId("hourly-chart")
      .locator(".recharts-cartesian-grid")
      .boundingBox();
    if (!grid) throw new Error("the chart has no plot area");
    const x = grid.x + ((index + 0.5) * grid.width) / 168;
    await page.mouse.move(x, grid.y + grid.height / 2);
    await page.getByText("Click to show this hour").waitFor();
    await page.mouse.click(x, grid.y + grid.height / 2);
    await page.getByText(/^Hour: /).waitFor();
    const hour = new URL(page.url()).searchParams;
    expect(hour.get("from")).toBe(new Date(Math.floor(created / HOUR) * HOUR).toISOString());
    expect(Date.parse(hour.get("to") ?? "") - Date.parse(hour.get("from") ?? "")).toBe(HOUR);
    await waitForRows(page, ["CALL-2", "CALL-3"]);
    await page.getByRole("button", { name: "Clear the hour filter" }).click();
    await page.waitForFunction(() => !location.search.includes("from="));

    // Keyboard: a row's Details button opens the drawer, Escape closes it and focus goes back.
    const details = rowOf(page, "CALL-2").getByRole("button", { name: /^Details/ });
    await details.focus();
    await page.keyboard.press("Enter");
    await drawer.waitFor();
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
    expect(await details.evaluate((el) => el === document.activeElement)).toBe(true);

    // At 1024 px the page fits: nothing scrolls sideways.
    await page.setViewportSize({ width: 1024, height: 768 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "error-check-1024");
  });

  it("clears a bad filter from a link with a notice, and the old address redirects", async () => {
    const seeded = await seedUserWithProject("error-check-links");
    const projectId = seeded.project.id;
    const page = await newPage(browser);
    await logIn(page, seeded);
    await page.goto(`/projects/${projectId}/errors?event=nope&status=5xx&from=yesterday`);
    await page.waitForURL(`**/projects/${projectId}/webhooks/errors?**`);
    await page.getByRole("heading", { name: "Webhook error check" }).waitFor();
    const notice = page.getByRole("status").filter({ hasText: "could not be used" });
    expect(await notice.innerText()).toContain("Date from, Event");
    // The address bar keeps the filter that was good and drops the rest.
    await page.waitForFunction(() => !location.search.includes("from="));
    const params = new URL(page.url()).searchParams;
    expect(params.get("status")).toBe("5xx");
    expect(params.has("eventId")).toBe(false);
    expect(await page.getByLabel("Status or error").inputValue()).toBe("5xx");
    await page.getByTestId("empty-state").waitFor();
  });
});
