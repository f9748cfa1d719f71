import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage, screenshot } from "./support/browser";
import { type FlakyReceiver, startFlakyReceiver } from "./support/flaky-receiver";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";

function isServerAction(request: Request): boolean {
  return request.method() === "POST" && request.headers()["next-action"] !== undefined;
}

function rowOf(page: Page, callId: string) {
  return page.getByTestId("delivery-row").filter({ hasText: callId });
}

/**
 * Next runs one page's server actions one after another, so a read made through an action
 * waits behind any change in flight. The page's reads are GETs to /api/v1 instead: this holds a
 * change (Mark checked) on its way to the server and watches the drawer keep polling meanwhile.
 */
describe("reads over HTTP", () => {
  let browser: Browser;
  let receiver: FlakyReceiver;

  beforeAll(async () => {
    browser = await launchBrowser();
    receiver = await startFlakyReceiver('{"error":"CRM is down"}');
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await disconnectAppDatabase();
  });

  it("keeps polling a delivery's drawer while a server action is in flight", async () => {
    const seeded = await seedUserWithProject("reads");
    const projectId = seeded.project.id;
    const db = await useAppDatabase();
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const { sampleCallFor } = await import("@/lib/model/sample-calls");
    const crm = await createWebhookEvent(projectId, {
      name: "Slow CRM",
      type: "incoming.after_call",
      requests: [
        {
          url: `${receiver.url}/crm`,
          method: "POST",
          params: [{ name: "call_id", type: "text", value: "{{uniqueid}}" }],
          retry: { attempts: 3 },
        },
      ],
    });
    for (const callId of ["READ-1", "READ-2"]) {
      const sample = sampleCallFor("incoming.after_call");
      const response = await fetch(new URL("/api/v1/call-events", inject("baseURL")), {
        method: "POST",
        headers: { "Auth-key": seeded.key, "Content-Type": "application/json" },
        body: JSON.stringify({
          type: "incoming.after_call",
          occurredAt: new Date().toISOString(),
          call: { ...sample.call, uniqueid: callId },
        }),
      });
      expect(response.status).toBe(202);
    }

    // READ-1 runs out of attempts (failed); READ-2 waits an hour for its second one (pending),
    // so its drawer keeps following it.
    const ours = { projectId, webhookEventId: crm.id };
    const deadline = Date.now() + 30_000;
    for (;;) {
      await db.delivery.updateMany({
        where: { ...ours, callId: "READ-1", status: "pending", attemptCount: { gte: 1 } },
        data: { nextAttemptAt: new Date() },
      });
      await db.delivery.updateMany({
        where: { ...ours, callId: "READ-2", status: "pending", attemptCount: 1 },
        data: { nextAttemptAt: new Date(Date.now() + 3_600_000) },
      });
      const failed = await db.delivery.count({ where: { ...ours, status: "failed" } });
      const waiting = await db.delivery.count({
        where: { ...ours, callId: "READ-2", status: "pending", attemptCount: 1 },
      });
      if (failed === 1 && waiting === 1) break;
      if (Date.now() > deadline) throw new Error("the deliveries did not settle");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const pending = await db.delivery.findFirstOrThrow({ where: { ...ours, callId: "READ-2" } });
    const failedOne = await db.delivery.findFirstOrThrow({ where: { ...ours, callId: "READ-1" } });

    const page = await newPage(browser);
    await logIn(page, seeded);
    const logPath = `/projects/${projectId}/webhooks/${crm.id}/deliveries`;
    await page.goto(logPath);
    await page.getByRole("heading", { name: "Delivery log: Slow CRM" }).waitFor();
    await rowOf(page, "READ-2").waitFor();

    // What the page asked and got, in order.
    const events: string[] = [];
    const actionRequests: string[] = [];
    page.on("request", (request) => {
      if (isServerAction(request)) {
        actionRequests.push(request.url());
        events.push("action sent");
      }
    });
    page.on("response", (response) => {
      const request = response.request();
      const url = new URL(response.url());
      if (isServerAction(request)) events.push("action answered");
      else if (request.method() === "GET" && url.pathname === `/api/v1/deliveries/${pending.id}`) {
        const named = url.searchParams.get("projectId") === projectId;
        events.push(named ? `drawer read ${response.status()}` : "drawer read without project");
      } else if (request.method() === "GET" && url.pathname === "/api/v1/deliveries") {
        events.push(`list read ${response.status()}`);
      }
    });

    // Every server action of this page waits here until the test lets it go.
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (url) => url.pathname === logPath,
      async (route) => {
        if (isServerAction(route.request())) await gate;
        await route.continue();
      },
    );

    await Promise.all([
      page.waitForRequest(isServerAction),
      rowOf(page, "READ-1")
        .getByRole("button", { name: /^Mark checked/ })
        .click(),
    ]);
    expect(actionRequests).toHaveLength(1);

    await rowOf(page, "READ-2")
      .getByRole("button", { name: /^Details/ })
      .click();
    const drawer = page.getByRole("dialog", { name: /Webhook details/ });
    await drawer.getByTestId("attempt").first().waitFor();
    // The first read and two polls, every one answered while Mark checked is still held.
    const readsDone = () => events.filter((e) => e === "drawer read 200").length;
    for (let waited = 0; readsDone() < 3; waited += 1) {
      if (waited > 300) throw new Error(`only ${readsDone()} drawer reads: ${events.join(", ")}`);
      await page.waitForTimeout(100);
    }
    expect(events[0]).toBe("action sent");
    expect(events).not.toContain("action answered");
    await screenshot(page, "reads-over-http-drawer");

    release();
    await page.getByText("1 webhook marked checked").waitFor();
    expect(events).toContain("action answered");
    const checked = await db.delivery.findUniqueOrThrow({ where: { id: failedOne.id } });
    expect(checked.checkedAt).not.toBeNull();
    // The change settled, so the list reads itself again: a GET as well.
    await rowOf(page, "READ-1").getByText("Checked", { exact: true }).waitFor();
    expect(events.slice(events.indexOf("action answered"))).toContain("list read 200");
    // The only server action the page ever posted was the change; every read was a GET.
    expect(actionRequests).toHaveLength(1);
  });
});
