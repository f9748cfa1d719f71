import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { openSecret } from "@/lib/secrets/cipher";
import { DOCS_DIR, launchBrowser, newPage, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";

// Secrets are for admins: a viewer's pages carry no sensitive header value and no signing
// secret, and offer no Reveal; an admin's pages carry none either until the admin reveals.
// The key list shows each key's scope, and an ingest-only key reaches call events only.

const AUTHORIZATION = "Bearer e2eTokenValue4821";
const API_KEY_VALUE = "e2eApiKeyValue7733";
const VISIBLE = "trace-visible-19";
const EVENT_NAME = "CRM with credentials";

/** Every body the app sent to this page (documents, RSC payloads, fetches), for leak checks. */
function recordBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", (response) => {
    if (!response.url().startsWith(inject("baseURL"))) return;
    response
      .text()
      .then((text) => bodies.push(text))
      .catch(() => undefined);
  });
  return bodies;
}

describe("secrets only for admins", () => {
  let browser: Browser;
  let admin: Page;
  let viewer: Page;
  let projectId: string;
  let eventId: string;
  let signingSecret: string;
  let adminKey: string;
  let viewerBodies: string[];
  let adminBodies: string[];
  let secrets: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    const owner = await seedUserWithProject("secrets-owner");
    projectId = owner.project.id;
    adminKey = owner.key;
    const db = await useAppDatabase();
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const { createUserWithProject } = await import("../helpers/factories");
    const event = await createWebhookEvent(projectId, {
      name: EVENT_NAME,
      type: "incoming.after_call",
      requests: [
        {
          url: "https://crm.example.com/hooks/calls",
          method: "POST",
          headers: [
            { name: "Authorization", value: AUTHORIZATION },
            { name: "X-Trace", value: VISIBLE },
            { name: "X-Api-Key", value: API_KEY_VALUE },
          ],
          params: [{ name: "call_id", type: "text", value: "{{uniqueid}}" }],
          signing: { enabled: true },
        },
      ],
    });
    eventId = event.id;
    const row = await db.webhookRequest.findFirstOrThrow({ where: { eventId } });
    // Stored sealed; the test opens it with the app's key to know what must never be shown.
    expect(row.signingSecret).toMatch(/^enc:v1:/);
    signingSecret = openSecret(row.signingSecret ?? "");
    expect(signingSecret).toMatch(/^whsec_/);
    // The part after the prefix: the mask shows the prefix itself.
    secrets = [AUTHORIZATION, "e2eTokenValue4821", API_KEY_VALUE, signingSecret.slice(6)];

    const watcher = await createUserWithProject("secrets-viewer");
    await db.membership.create({
      data: { userId: watcher.user.id, projectId, role: "viewer" },
    });
    viewer = await newPage(browser);
    viewerBodies = recordBodies(viewer);
    await logIn(viewer, watcher);
    admin = await newPage(browser);
    adminBodies = recordBodies(admin);
    await logIn(admin, owner);
  });

  afterAll(async () => {
    await browser?.close();
    await disconnectAppDatabase();
  });

  function expectNoSecretIn(text: string) {
    for (const secret of secrets) expect(text).not.toContain(secret);
  }

  it("a viewer's webhooks page lists the event without its secrets", async () => {
    await viewer.goto(`/projects/${projectId}/webhooks`);
    await viewer.getByRole("link", { name: EVENT_NAME, exact: true }).waitFor();
    expectNoSecretIn(await viewer.content());
  });

  it("a viewer's event page shows masked header values, no signing secret and no Reveal", async () => {
    await viewer.goto(`/projects/${projectId}/webhooks/${eventId}`);
    await viewer.getByRole("button", { name: /Step 2/ }).click();
    const card = viewer.getByRole("region", { name: "Request 1", exact: true });
    expect(await card.getByLabel("Header 1 value", { exact: true }).inputValue()).toBe("•••");
    expect(await card.getByLabel("Header 2 value", { exact: true }).inputValue()).toBe(VISIBLE);
    expect(await card.getByLabel("Header 3 value", { exact: true }).inputValue()).toBe("•••");
    const notice = viewer.getByTestId("hidden-values");
    expect(await notice.innerText()).toContain("only admins can see them");
    expect(await viewer.getByRole("button", { name: "Reveal" }).count()).toBe(0);
    await card.getByText("Delivery", { exact: true }).click();
    expect(await card.getByTestId("signing-secret").innerText()).not.toContain(
      signingSecret.slice(6),
    );
    await viewer.getByRole("region", { name: "Preview of request 1" }).waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(viewer, "secrets-viewer-event");

    // Asked directly with the viewer's session, the reveal route refuses.
    const status = await viewer.evaluate(
      async ([event, project]) =>
        (await fetch(`/api/v1/webhook-events/${event}/secrets?projectId=${project}`)).status,
      [eventId, projectId],
    );
    expect(status).toBe(403);
    expectNoSecretIn(await viewer.content());
    for (const body of viewerBodies) expectNoSecretIn(body);
  });

  it("an admin's event page carries no secret until the admin reveals", async () => {
    await admin.goto(`/projects/${projectId}/webhooks/${eventId}`);
    await admin.getByRole("button", { name: /Step 2/ }).click();
    const card = admin.getByRole("region", { name: "Request 1", exact: true });
    expect(await card.getByLabel("Header 1 value", { exact: true }).inputValue()).toBe("•••");
    expectNoSecretIn(await admin.content());
    for (const body of adminBodies) expectNoSecretIn(body);

    await admin.getByTestId("hidden-values").getByRole("button", { name: "Reveal" }).click();
    await expect
      .poll(() => card.getByLabel("Header 1 value", { exact: true }).inputValue())
      .toBe(AUTHORIZATION);
    expect(await card.getByLabel("Header 3 value", { exact: true }).inputValue()).toBe(
      API_KEY_VALUE,
    );
    await card.getByText("Delivery", { exact: true }).click();
    expect(await card.getByTestId("signing-secret").innerText()).toBe(signingSecret);
    // Revealing changed nothing the admin typed: the form does not read as edited.
    expect(await admin.getByText("Unsaved changes").count()).toBe(0);
    await screenshot(admin, "secrets-admin-revealed");
  });

  it("the key list shows scopes; an ingest-only key sends call events and nothing else", async () => {
    await admin.goto(`/projects/${projectId}/settings`);
    await admin.getByLabel("Key name").fill("Telephony");
    await admin.getByRole("radio", { name: /Ingest only/ }).check();
    await admin.getByRole("button", { name: "Create key" }).click();
    const shown = admin.getByTestId("new-api-key");
    await shown.waitFor();
    const ingestKey = (await shown.locator("code").innerText()).trim();

    const rows = admin.getByTestId("api-key-row");
    const telephony = rows.filter({ hasText: "Telephony" });
    await telephony.waitFor();
    expect(await telephony.getByTestId("api-key-scopes").innerText()).toBe("Ingest only");
    const seeded = rows.filter({ hasText: "secrets-owner key" });
    expect(await seeded.getByTestId("api-key-scopes").innerText()).toBe("Admin");
    await admin.getByRole("heading", { name: "API keys" }).scrollIntoViewIfNeeded();
    await screenshot(admin, "settings-api-key-scopes");
    await shown.getByRole("button", { name: "Done" }).click();
    await admin
      .locator("section", { has: admin.getByRole("heading", { name: "API keys" }) })
      .screenshot({ path: path.join(DOCS_DIR, "api-key-scopes.png") });

    const refused = await fetch(appUrl("/api/v1/webhook-events"), {
      headers: { "Auth-key": ingestKey },
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe("This API key lacks the admin scope");
    const accepted = await fetch(appUrl("/api/v1/call-events"), {
      method: "POST",
      headers: { "Auth-key": ingestKey, "Content-Type": "application/json" },
      body: JSON.stringify({
        type: "incoming.before_call",
        ...sampleCallFor("incoming.before_call"),
      }),
    });
    expect(accepted.status).toBe(202);
    const byAdmin = await fetch(appUrl("/api/v1/webhook-events"), {
      headers: { "Auth-key": adminKey },
    });
    expect(byAdmin.status).toBe(200);
  });
});
