import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, screenshot } from "./support/browser";
import { appUrl } from "./support/context";

// One file, in order: the first visit must meet an empty database.
const ADMIN = { email: "owner@example.com", password: "correct horse battery staple" };

function projectIdOf(page: Page): string {
  const match = /\/projects\/([^/]+)\//.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a project page: ${page.url()}`);
  return match[1];
}

describe("first administrator, project settings, API key, logout, login", () => {
  let browser: Browser;
  let page: Page;
  let projectId: string;
  let apiKey: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows “Create the first administrator” on the first visit and checks the fields", async () => {
    await page.goto("/");
    await page.waitForURL("**/setup");
    await expect(
      page.getByRole("heading", { name: "Create the first administrator" }).isVisible(),
    ).resolves.toBe(true);

    await page.getByLabel("Email").fill("not an email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await page.getByText("Use at least 12 characters").waitFor();
    await page.getByText("Enter a valid email, like admin@example.com").waitFor();
    await screenshot(page, "setup-errors");
  });

  it("creates the administrator and lands on the Webhooks page with the locked Google Analytics event", async () => {
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByLabel("Project name").fill("Ringo CRM");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await page.waitForURL("**/projects/*/webhooks");
    projectId = projectIdOf(page);

    const row = page.getByTestId("event-row");
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = await row.first().innerText();
    expect(text).toContain("Google Analytics");
    expect(text).toContain("Default");
    expect(text).toContain("after the call");
    expect(text).toContain("/mp/collect");
    expect(await page.getByTestId("current-user").innerText()).toBe(ADMIN.email);
    await screenshot(page, "webhooks-default-event");
  });

  it("no longer offers the setup page", async () => {
    await page.goto("/setup");
    await page.waitForURL("**/projects/*/webhooks");
  });

  it("creates an API key shown once, which authenticates GET /api/v1/project", async () => {
    await page.getByRole("link", { name: "Project settings" }).click();
    await page.waitForURL("**/settings");
    await page.getByLabel("Key name").fill("Telephony");
    await page.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByTestId("new-api-key");
    await shown.waitFor();
    apiKey = (await shown.locator("code").innerText()).trim();
    expect(apiKey).toMatch(/^whk_/);
    await screenshot(page, "settings-new-key");

    const ok = await fetch(appUrl("/api/v1/project"), { headers: { "Auth-key": apiKey } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).project).toMatchObject({
      id: projectId,
      name: "Ringo CRM",
      timeZone: "Europe/Kyiv",
    });

    const wrong = await fetch(appUrl("/api/v1/project"), {
      headers: { "Auth-key": `${apiKey.slice(0, -2)}xx` },
    });
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe("unauthorized");

    await page.reload();
    const rows = page.getByTestId("api-key-row");
    await rows.first().waitFor();
    expect(await rows.first().innerText()).toContain(apiKey.slice(0, 12));
    expect(await page.content()).not.toContain(apiKey);
  });

  it("logs out; protected pages then redirect to the login page", async () => {
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
    await page.goto(`/projects/${projectId}/webhooks`);
    await page.waitForURL("**/login");
  });

  it("says “Email or password is incorrect” for a wrong password, then signs in", async () => {
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill("wrong password, sorry");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Email or password is incorrect").waitFor();
    await screenshot(page, "login-wrong-password");

    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**/projects/${projectId}/webhooks`);
  });
});
