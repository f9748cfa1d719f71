import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage, screenshot } from "./support/browser";
import { clearReceived, waitForReceived } from "./support/context";

describe("e2e harness", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("serves the built app to Chromium", async () => {
    const page = await newPage(browser);
    const response = await page.goto("/");

    expect(response?.status()).toBeLessThan(500);
    expect(await page.title()).not.toBe("");
    await screenshot(page, "smoke-home");
  });

  it("records what reaches the receiver", async () => {
    await clearReceived();
    await fetch(`${inject("receiverUrl")}/smoke?n=1`, { method: "POST", body: "ping" });

    const request = await waitForReceived((r) => r.url === "/smoke?n=1");
    expect(request.method).toBe("POST");
    expect(request.body).toBe("ping");
  });
});
