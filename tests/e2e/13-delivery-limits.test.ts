import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject } from "./support/seed";

// A small CRM's admin limits how hard we call it: requests at once and per second, set in the
// wizard's Delivery section and kept with the request.

describe("politeness limits in the wizard's Delivery section", () => {
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<typeof seedUserWithProject>>;

  beforeAll(async () => {
    user = await seedUserWithProject("polite");
    browser = await launchBrowser();
    page = await newPage(browser);
    page.setDefaultTimeout(10_000);
    await logIn(page, user);
  });

  afterAll(async () => {
    await browser?.close();
    await disconnectAppDatabase();
  });

  it("saves requests at once and per second, and the API returns them", async () => {
    await page.getByRole("link", { name: "Add event" }).click();
    await page.waitForURL("**/webhooks/new");
    await page.getByLabel("Name", { exact: true }).fill("Small CRM");
    await page.getByLabel("Event", { exact: true }).selectOption("incoming.answered");
    await page.getByRole("button", { name: "Next: webhook requests" }).click();
    const card = page.getByRole("region", { name: "Request 1", exact: true });
    await card.getByLabel("Direction", { exact: true }).fill("https://crm.example.com/pop-up");

    const delivery = card.locator("details", { hasText: "Delivery" });
    await expect(delivery.locator("summary").innerText()).resolves.toContain("8 at once");
    await delivery.locator("summary").click();
    await card.getByLabel("Requests at once", { exact: true }).fill("2");
    await card.getByLabel("Requests per second", { exact: true }).fill("5");
    await expect(delivery.locator("summary").innerText()).resolves.toContain(
      "2 at once · at most 5/s",
    );
    await screenshot(page, "wizard-delivery-limits");

    await page.getByRole("button", { name: "Save event" }).click();
    await page.waitForURL(/\/webhooks$/);
    const listed = await fetch(appUrl("/api/v1/webhook-events"), {
      headers: { "Auth-key": user.key },
    });
    const { webhookEvents } = (await listed.json()) as {
      webhookEvents: Array<{ name: string; requests: Array<{ delivery: unknown }> }>;
    };
    const saved = webhookEvents.find((event) => event.name === "Small CRM");
    expect(saved?.requests[0]?.delivery).toEqual({ maxInFlight: 2, ratePerSecond: 5 });
  });
});
