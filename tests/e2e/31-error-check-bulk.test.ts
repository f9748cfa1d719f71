import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser";
import { type FlakyReceiver, startFlakyReceiver } from "./support/flaky-receiver";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const rows = (page: Page) => page.getByTestId("delivery-row");

async function rowIds(page: Page): Promise<string[]> {
  return rows(page).evaluateAll((els) => els.map((el) => el.getAttribute("data-id") ?? ""));
}

async function totalText(page: Page): Promise<string> {
  return page.getByTestId("list-total").innerText();
}

describe("webhook error check: paging, selection and bulk send again", () => {
  let browser: Browser;
  let receiver: FlakyReceiver;

  beforeAll(async () => {
    browser = await launchBrowser();
    receiver = await startFlakyReceiver('{"error":"down"}');
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await disconnectAppDatabase();
  });

  it("loads more than 50 failures, marks a selection checked and undoes it", async () => {
    const seeded = await seedUserWithProject("error-check-bulk");
    const projectId = seeded.project.id;
    const db = await useAppDatabase();
    const { seedDemoData } = await import("@/lib/demo/seed");
    await seedDemoData({ projectId, deliveries: 600 });
    const unchecked = { projectId, status: "failed", checkedAt: null } as const;
    const total = await db.delivery.count({ where: unchecked });
    expect(total).toBeGreaterThan(60);
    const shownAfterMore = Math.min(100, total);

    const page = await newPage(browser);
    await logIn(page, seeded);
    await page.goto(`/projects/${projectId}/webhooks/errors`);
    await page.getByRole("heading", { name: "Webhook error check" }).waitFor();
    await until("50 rows", async () => (await rows(page).count()) === 50);
    expect(await totalText(page)).toContain(`${total} failed webhooks`);
    expect(await totalText(page)).toContain("50 shown");

    // Load more: the next page joins the list, nothing shown twice.
    const firstPage = await rowIds(page);
    await page.getByRole("button", { name: /^Load (\d+ )?more$/ }).click();
    await until(
      `${shownAfterMore} rows`,
      async () => (await rows(page).count()) === shownAfterMore,
    );
    const both = await rowIds(page);
    expect(both.slice(0, 50)).toEqual(firstPage);
    expect(new Set(both).size).toBe(shownAfterMore);
    if (shownAfterMore < total) {
      expect(await totalText(page)).toContain(`${shownAfterMore} shown`);
    }

    // Select two rows with their checkboxes and mark the selection checked.
    const picked = both.slice(1, 3);
    for (const id of picked) {
      await page
        .locator(`[data-testid="delivery-row"][data-id="${id}"] input[type="checkbox"]`)
        .check();
    }
    const bar = page.getByTestId("selection-bar");
    await bar.waitFor();
    expect(await bar.innerText()).toContain("2 selected");
    const checkedBefore = await db.delivery.findMany({
      where: { projectId, checkedAt: { not: null } },
      select: { id: true },
    });
    await bar.getByRole("button", { name: "Mark checked", exact: true }).click();
    await until("the two rows to leave", async () => {
      const ids = await rowIds(page);
      return picked.every((id) => !ids.includes(id));
    });
    await until("the total to drop by 2", async () =>
      (await totalText(page)).includes(`${total - 2} failed webhooks`),
    );
    await until("checkedAt to be written", async () => {
      const now = await db.delivery.count({ where: { projectId, checkedAt: { not: null } } });
      return now === checkedBefore.length + 2;
    });
    const before = new Set(checkedBefore.map((d) => d.id));
    const newlyChecked = (
      await db.delivery.findMany({
        where: { projectId, checkedAt: { not: null } },
        select: { id: true },
      })
    )
      .map((d) => d.id)
      .filter((id) => !before.has(id))
      .sort();
    expect(newlyChecked).toEqual([...picked].sort());

    // Undo puts exactly those two back.
    await page.getByRole("button", { name: "Undo" }).click();
    await until("the two rows to come back", async () => {
      const ids = await rowIds(page);
      return picked.every((id) => ids.includes(id));
    });
    await until("the total to be back", async () =>
      (await totalText(page)).includes(`${total} failed webhooks`),
    );
    expect(await db.delivery.count({ where: { id: { in: picked }, checkedAt: null } })).toBe(2);
    expect(await db.delivery.count({ where: unchecked })).toBe(total);
  });

  it("sends all failures of one event again and they leave the list", async () => {
    const seeded = await seedUserWithProject("error-check-send-all");
    const projectId = seeded.project.id;
    const db = await useAppDatabase();
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const { sampleCallFor } = await import("@/lib/model/sample-calls");
    const request = (pathname: string) => ({
      url: `${receiver.url}${pathname}`,
      method: "POST" as const,
      params: [{ name: "call_id", type: "text" as const, value: "{{uniqueid}}" }],
      retry: { attempts: 1 },
    });
    const crm = await createWebhookEvent(projectId, {
      name: "Bulk CRM",
      type: "incoming.after_call",
      requests: [request("/crm")],
    });
    const bot = await createWebhookEvent(projectId, {
      name: "Bulk bot",
      type: "incoming.answered",
      requests: [request("/bot")],
    });

    const calls = [
      { id: "BULK-1", type: "incoming.after_call" },
      { id: "BULK-2", type: "incoming.after_call" },
      { id: "BULK-3", type: "incoming.after_call" },
      { id: "BULK-4", type: "incoming.answered" },
    ] as const;
    for (const call of calls) {
      const sample = sampleCallFor(call.type);
      const response = await fetch(new URL("/api/v1/call-events", inject("baseURL")), {
        method: "POST",
        headers: { "Auth-key": seeded.key, "Content-Type": "application/json" },
        body: JSON.stringify({
          type: call.type,
          occurredAt: new Date().toISOString(),
          call: { ...sample.call, uniqueid: call.id },
        }),
      });
      expect(response.status).toBe(202);
    }
    const ours = { projectId, webhookEventId: { in: [crm.id, bot.id] } };
    await until(
      "4 failed deliveries",
      async () => (await db.delivery.count({ where: { ...ours, status: "failed" } })) === 4,
      30_000,
    );
    expect(receiver.hits.filter((h) => h === "/crm")).toHaveLength(3);
    expect(receiver.hits.filter((h) => h === "/bot")).toHaveLength(1);

    const page = await newPage(browser);
    await logIn(page, seeded);
    await page.goto(`/projects/${projectId}/webhooks/errors`);
    await page.getByRole("heading", { name: "Webhook error check" }).waitFor();
    await until("4 rows", async () => (await rows(page).count()) === 4);

    await page.getByLabel("Event", { exact: true }).selectOption({ label: "Bulk CRM" });
    await until("the CRM rows only", async () => {
      const texts = await rows(page).allInnerTexts();
      return texts.length === 3 && texts.every((t) => t.includes("Bulk CRM"));
    });
    expect(new URL(page.url()).searchParams.get("eventId")).toBe(crm.id);
    expect(await totalText(page)).toContain("3 failed webhooks");

    // The receiver is fixed; Send all again covers the filtered three, not the bot's failure.
    receiver.fix();
    const hitsBefore = receiver.hits.length;
    await page.getByRole("button", { name: "Send all again" }).click();
    const dialog = page.getByRole("dialog", { name: /Send all 3 webhooks again\?/ });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Send all again" }).click();
    await dialog.waitFor({ state: "hidden" });

    const progress = page.locator('[data-testid="resend-progress"][data-done="true"]');
    await progress.waitFor({ timeout: 30_000 });
    expect(await progress.innerText()).toContain("3 delivered");
    expect(await progress.innerText()).toContain("0 failed again");
    const bar = progress.getByRole("progressbar", { name: "Webhooks sent again" });
    expect(await bar.getAttribute("aria-valuenow")).toBe("3");
    expect(await bar.getAttribute("aria-valuemax")).toBe("3");

    await page.getByTestId("empty-state").waitFor();
    expect(await rows(page).count()).toBe(0);
    const resent = receiver.hits.slice(hitsBefore);
    expect(resent.sort()).toEqual(["/crm", "/crm", "/crm"]);
    expect(
      await db.delivery.count({ where: { webhookEventId: crm.id, status: "succeeded" } }),
    ).toBe(3);

    // Without the filter, only the bot's failure is left.
    await page.getByLabel("Event", { exact: true }).selectOption({ index: 0 });
    await until("the bot row only", async () => {
      const texts = await rows(page).allInnerTexts();
      return texts.length === 1 && (texts[0] ?? "").includes("BULK-4");
    });
    expect(await db.delivery.count({ where: { webhookEventId: bot.id, status: "failed" } })).toBe(
      1,
    );
  });
});
