import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "@/lib/secrets/cipher";
import { DOCS_DIR, launchBrowser, newPage, screenshot } from "./support/browser";
import { readReceived } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";
import { postServerAction } from "./support/server-actions";

// Send test from the row menu and from the wizard against a loopback receiver, the signing
// secret (shown, rotated) and a paused request in the table and the wizard.

type Arrived = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

const EVENT_NAME = "CRM test target";
const RESPONSE_BODY = { accepted: true, ticket: "T-4821" };

describe("Send test", () => {
  let browser: Browser;
  let page: Page;
  let server: Server;
  let receiverUrl: string;
  let answer: 201 | 500 = 201;
  const arrived: Arrived[] = [];
  let user: Awaited<ReturnType<typeof seedUserWithProject>>;
  let db: Awaited<ReturnType<typeof useAppDatabase>>;
  let eventId: string;
  let requestId: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        arrived.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
        if (answer === 201) {
          res.writeHead(201, {
            "content-type": "application/json",
            "x-receiver-trace": "trace-77aa",
          });
          res.end(JSON.stringify(RESPONSE_BODY));
        } else {
          res.writeHead(500, { "content-type": "text/plain" });
          res.end("database is down");
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    user = await seedUserWithProject("send-test");
    db = await useAppDatabase();
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const event = await createWebhookEvent(user.project.id, {
      name: EVENT_NAME,
      type: "incoming.after_call",
      requests: [
        {
          url: `${receiverUrl}/hooks/calls`,
          method: "POST",
          params: [
            { name: "call_id", type: "text", value: "{{uniqueid}}" },
            { name: "caller", type: "text", value: "{{caller}}" },
          ],
          signing: { enabled: true },
        },
      ],
    });
    eventId = event.id;
    requestId = event.requests[0]?.id ?? "";

    browser = await launchBrowser();
    page = await newPage(browser);
    await logIn(page, user);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await disconnectAppDatabase();
  });

  async function storedSecret(): Promise<string> {
    const row = await db.webhookRequest.findUniqueOrThrow({ where: { id: requestId } });
    // Stored sealed; this process has the app's key (useAppDatabase).
    return openSecret(row.signingSecret ?? "");
  }

  it("sends from the row menu and shows status, response body and headers; stores nothing", async () => {
    await page.getByRole("button", { name: `Actions for ${EVENT_NAME}` }).click();
    await page.getByRole("menuitem", { name: "Send test" }).click();
    const dialog = page.getByRole("dialog", { name: `Send test: ${EVENT_NAME}` });
    await dialog.getByTestId("test-status").waitFor();

    expect(await dialog.getByTestId("test-status").innerText()).toBe("201 OK");
    expect(await dialog.getByTestId("test-duration").innerText()).toMatch(/\d+(\.\d+)? m?s/);
    const text = await dialog.innerText();
    expect(text).toContain(`${receiverUrl}/hooks/calls`);
    expect(text).toContain('"ticket": "T-4821"');
    expect(text).toContain("x-receiver-trace");
    expect(text).toContain("trace-77aa");
    // The request as sent: its delivery id header and the rendered body.
    expect(text).toMatch(/X-Webhook-Delivery\s+test_/i);
    expect(text).toContain('"call_id"');

    expect(arrived).toHaveLength(1);
    const got = arrived[0] as Arrived;
    expect(got.method).toBe("POST");
    expect(got.url).toBe("/hooks/calls");
    expect(String(got.headers["x-webhook-delivery"])).toMatch(/^test_/);
    const verified = new Webhook(await storedSecret()).verify(got.body, {
      "webhook-id": String(got.headers["webhook-id"]),
      "webhook-timestamp": String(got.headers["webhook-timestamp"]),
      "webhook-signature": String(got.headers["webhook-signature"]),
    }) as Record<string, unknown>;
    expect(verified.call_id).toBeTruthy();
    expect(await db.delivery.count({ where: { projectId: user.project.id } })).toBe(0);

    await dialog.locator("pre", { hasText: "T-4821" }).waitFor();
    await page.screenshot({ path: path.join(DOCS_DIR, "send-test.png") });
    await dialog.getByRole("button", { name: "Close" }).last().click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("sends the wizard's request as it stands and shows the receiver's error", async () => {
    answer = 500;
    await page.getByRole("link", { name: EVENT_NAME, exact: true }).click();
    await page.waitForURL(`**/webhooks/${eventId}`);
    await page.getByRole("button", { name: /Step 2/ }).click();
    const card = page.getByRole("region", { name: "Request 1", exact: true });
    // An unsaved edit is what goes out.
    await card.getByLabel("Direction", { exact: true }).fill(`${receiverUrl}/hooks/edited`);
    await page
      .getByRole("region", { name: "Preview of request 1" })
      .getByRole("button", { name: "Send test" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Send test: request 1" });
    await dialog.getByTestId("test-status").waitFor();

    expect(await dialog.getByTestId("test-status").innerText()).toBe("HTTP 500");
    expect(await dialog.getByTestId("test-error").innerText()).toContain("500");
    expect(await dialog.innerText()).toContain("database is down");
    const got = arrived.at(-1) as Arrived;
    expect(arrived).toHaveLength(2);
    expect(got.url).toBe("/hooks/edited");
    expect(String(got.headers["x-webhook-delivery"])).toMatch(/^test_/);
    // Signed with the stored secret, looked up by the server.
    const secretNow = await storedSecret();
    expect(() =>
      new Webhook(secretNow).verify(got.body, {
        "webhook-id": String(got.headers["webhook-id"]),
        "webhook-timestamp": String(got.headers["webhook-timestamp"]),
        "webhook-signature": String(got.headers["webhook-signature"]),
      }),
    ).not.toThrow();
    expect(await db.delivery.count({ where: { projectId: user.project.id } })).toBe(0);
    expect(page.url()).toContain(`/webhooks/${eventId}`);
    await dialog.getByRole("button", { name: "Close" }).last().click();
    await dialog.waitFor({ state: "hidden" });
    // Back to the saved value, so the unsaved-changes guard stays quiet later.
    await card.getByLabel("Direction", { exact: true }).fill(`${receiverUrl}/hooks/calls`);
  });

  it("shows the signing secret masked, reveals it, and Rotate replaces it", async () => {
    const before = await storedSecret();
    const card = page.getByRole("region", { name: "Request 1", exact: true });
    await card.getByText("Delivery", { exact: true }).click();
    const secret = card.getByTestId("signing-secret");
    expect(await secret.innerText()).not.toContain(before.slice(6));
    // The page never carried it: only the admin's Reveal fetches it.
    expect(await page.content()).not.toContain(before.slice(6));
    await page.getByTestId("hidden-values").getByRole("button", { name: "Reveal" }).click();
    await expect.poll(() => secret.innerText()).toBe(before);

    await card.getByRole("button", { name: "Rotate" }).click();
    const confirm = page.getByRole("dialog", { name: "Rotate the signing secret?" });
    await confirm.getByRole("button", { name: "Rotate secret" }).click();
    await confirm.waitFor({ state: "hidden" });
    await expect.poll(() => secret.innerText()).not.toBe(before);
    const after = await storedSecret();
    expect(after).not.toBe(before);
    expect(after).toMatch(/^whsec_/);
    expect(await secret.innerText()).toBe(after);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, "send-test-signing-secret");
  });

  it("test-sends the locked default event from its read-only page", async () => {
    const locked = await db.webhookEvent.findFirstOrThrow({
      where: { projectId: user.project.id, locked: true },
    });
    await page.goto(`/projects/${user.project.id}/webhooks/${locked.id}`);
    await page.getByText("This is the project's default event").waitFor();
    await page.getByRole("button", { name: /Step 2/ }).click();
    await page
      .getByRole("region", { name: "Preview of request 1" })
      .getByRole("button", { name: "Send test" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Send test: request 1" });
    await dialog.getByTestId("test-status").waitFor();
    // In the tests the Measurement Protocol endpoint is the recording receiver, answering 200.
    expect(await dialog.getByTestId("test-status").innerText()).toBe("200 OK");
    const received = await readReceived();
    expect(
      received.some((r) => String(r.headers["x-webhook-delivery"] ?? "").startsWith("test_")),
    ).toBe(true);
    expect(await db.delivery.count({ where: { projectId: user.project.id } })).toBe(0);
    await dialog.getByRole("button", { name: "Close" }).last().click();
    await dialog.waitFor({ state: "hidden" });
  });

  it("shows a paused request in the table and on its card", async () => {
    await db.webhookRequest.update({
      where: { id: requestId },
      data: { pausedAt: new Date(), pausedReason: "The receiver answered 410 Gone" },
    });
    await page.goto(`/projects/${user.project.id}/webhooks`);
    const row = page.getByTestId("event-row").filter({ hasText: EVENT_NAME });
    const paused = row.getByTestId("paused-requests");
    await paused.waitFor();
    const text = await paused.innerText();
    expect(text).toContain("Paused");
    expect(text).toContain("The receiver answered 410 Gone");
    expect(text).toContain("Enable the event again to resume");
    await screenshot(page, "send-test-paused-row");

    await page.goto(`/projects/${user.project.id}/webhooks/${eventId}`);
    await page.getByRole("button", { name: /Step 2/ }).click();
    const notice = page.getByTestId("request-paused");
    expect(await notice.innerText()).toContain("The receiver answered 410 Gone");
    await screenshot(page, "send-test-paused-card");
  });

  it("offers a viewer no Send test and refuses a crafted one", async () => {
    const viewer = await seedUserWithProject("send-test-viewer");
    await db.membership.create({
      data: { userId: viewer.user.id, projectId: user.project.id, role: "viewer" },
    });
    const viewerPage = await newPage(browser);
    await logIn(viewerPage, viewer);
    await viewerPage.goto(`/projects/${user.project.id}/webhooks`);
    await viewerPage.getByRole("button", { name: `Actions for ${EVENT_NAME}` }).click();
    expect(
      await viewerPage.getByRole("menu", { name: `Actions for ${EVENT_NAME}` }).innerText(),
    ).not.toContain("Send test");
    await viewerPage.goto(`/projects/${user.project.id}/webhooks/${eventId}`);
    await viewerPage.getByRole("button", { name: /Step 2/ }).click();
    await viewerPage.getByRole("region", { name: "Preview of request 1" }).waitFor();
    expect(await viewerPage.getByRole("button", { name: "Send test" }).count()).toBe(0);

    const before = arrived.length;
    const response = await postServerAction({
      name: "sendTestEventAction",
      args: [user.project.id, eventId],
      pagePath: `/projects/${user.project.id}/webhooks`,
      as: viewerPage,
    });
    expect(await response.text()).toContain("This needs the admin role in the project");
    expect(arrived.length).toBe(before);
    await viewerPage.context().close();
  });
});
