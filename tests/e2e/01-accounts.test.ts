import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";
import { postServerAction } from "./support/server-actions";

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

type ActionName =
  | "loginAction"
  | "updateProjectSettingsAction"
  | "createApiKeyAction"
  | "revokeApiKeyAction"
  | "setEventEnabledAction";

describe("two users in two projects", () => {
  let browser: Browser;
  let bobPage: Page;
  let alice: Awaited<ReturnType<typeof seedUserWithProject>>;
  let bob: Awaited<ReturnType<typeof seedUserWithProject>>;

  async function projectAsSeenBy(key: string) {
    const response = await fetch(appUrl("/api/v1/project"), { headers: { "Auth-key": key } });
    expect(response.status).toBe(200);
    return (await response.json()).project as { id: string; name: string; timeZone: string };
  }

  /** Posts a server action with Bob's session cookie, the way his browser would. */
  // The action's own result line, not the words anywhere in the answer (a re-rendered page
  // carries its messages, "Project not found" among them).
  const REFUSED = /^[0-9a-f]+:\{"ok":false,"message":"Project not found"/m;

  async function callActionAsBob(name: ActionName, args: unknown[]): Promise<string> {
    const pagePath = `/projects/${bob.project.id}/settings`;
    const response = await postServerAction({ name, args, pagePath, as: bobPage });
    expect(response.status).toBe(200);
    return response.text();
  }

  beforeAll(async () => {
    // Arranged in the database directly: no page invites users yet.
    alice = await seedUserWithProject("alice");
    bob = await seedUserWithProject("bob");
    browser = await launchBrowser();
    bobPage = await newPage(browser);
    await logIn(bobPage, bob);
    expect(bobPage.url()).toContain(`/projects/${bob.project.id}/webhooks`);
  });

  afterAll(async () => {
    await browser?.close();
    await disconnectAppDatabase();
  });

  it("shows Bob his own project and a not-found page for Alice's", async () => {
    for (const section of ["webhooks", "settings", "errors"]) {
      const own = await bobPage.goto(`/projects/${bob.project.id}/${section}`);
      expect(own?.status()).toBe(200);
      const foreign = await bobPage.goto(`/projects/${alice.project.id}/${section}`);
      expect(foreign?.status()).toBe(404);
      expect(await bobPage.content()).not.toContain(alice.project.name);
    }
    await screenshot(bobPage, "foreign-project-not-found");
  });

  it("refuses Bob's server actions on Alice's project and changes nothing", async () => {
    const before = await projectAsSeenBy(alice.key);

    const rename = await callActionAsBob("updateProjectSettingsAction", [
      alice.project.id,
      { name: "Taken over", timeZone: "UTC", gaMeasurementId: "", gaApiSecret: "" },
    ]);
    expect(rename).toMatch(REFUSED);
    const newKey = await callActionAsBob("createApiKeyAction", [
      alice.project.id,
      { name: "backdoor" },
    ]);
    expect(newKey).toMatch(REFUSED);
    expect(newKey).not.toContain("whk_");
    const revoke = await callActionAsBob("revokeApiKeyAction", [alice.project.id, alice.apiKeyId]);
    expect(revoke).toMatch(REFUSED);

    const db = await useAppDatabase();
    const [aliceEvent] = await db.webhookEvent.findMany({ where: { projectId: alice.project.id } });
    const toggle = await callActionAsBob("setEventEnabledAction", [
      { projectId: alice.project.id, eventId: aliceEvent?.id, enabled: false },
    ]);
    expect(toggle).toMatch(REFUSED);

    // Alice's key still works and her project is as it was.
    expect(await projectAsSeenBy(alice.key)).toEqual(before);
    expect(await db.apiKey.count({ where: { projectId: alice.project.id } })).toBe(1);
    expect(
      (await db.webhookEvent.findUniqueOrThrow({ where: { id: aliceEvent?.id } })).enabled,
    ).toBe(true);

    // The same action on Bob's own project goes through, so the refusals above are about access.
    const ownRename = await callActionAsBob("updateProjectSettingsAction", [
      bob.project.id,
      { name: "Bob renamed", timeZone: "UTC", gaMeasurementId: "", gaApiSecret: "" },
    ]);
    // The answer also re-renders the page, whose messages hold the words "Project not found":
    // the action's own result line is what says it went through.
    expect(ownRename).toMatch(/^[0-9a-f]+:\{"ok":true/m);
    expect((await projectAsSeenBy(bob.key)).name).toBe("Bob renamed");
  });

  it("answers each API key with its own project only", async () => {
    expect((await projectAsSeenBy(alice.key)).id).toBe(alice.project.id);
    expect((await projectAsSeenBy(bob.key)).id).toBe(bob.project.id);
  });

  it("sets an httpOnly, SameSite=Lax session cookie, not Secure on a client's own X-Forwarded-Proto", async () => {
    async function logInOverFetch(forwardedProto?: string) {
      const response = await postServerAction({
        name: "loginAction",
        args: [{ email: bob.email, password: bob.password }],
        pagePath: "/login",
        headers: forwardedProto ? { "X-Forwarded-Proto": forwardedProto } : {},
      });
      return response.headers.getSetCookie().find((c) => c.startsWith("webhooks_session=")) ?? "";
    }
    const overHttp = await logInOverFetch();
    expect(overHttp).toMatch(/HttpOnly/i);
    expect(overHttp).toMatch(/SameSite=lax/i);
    expect(overHttp).not.toMatch(/Secure/i);
    // No trusted proxy is configured here: the header is the client's claim, and a Secure
    // cookie over plain http would never come back (tests/integration/trusted-proxy has one).
    const claimed = await logInOverFetch("https");
    expect(claimed).toMatch(/HttpOnly/i);
    expect(claimed).not.toMatch(/Secure/i);
  });
});
