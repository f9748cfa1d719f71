import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NAME_MESSAGE } from "@/lib/model/event-schema";
import { DOCS_DIR, launchBrowser, newPage } from "./support/browser";
import { appUrl } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";
import { postServerAction } from "./support/server-actions";

// The events table: the locked default event, the enabled switch, delete, the delivery
// columns, search and filter, the 1024 px layout, and the server actions refusing bad input.

const DOCS = DOCS_DIR;

type EventDto = { id: string; name: string; enabled: boolean; locked: boolean };

type ActionName = "createEventAction" | "updateEventAction" | "deleteEventAction";

describe("the events table", () => {
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<typeof seedUserWithProject>>;

  async function api<T>(pathname: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(appUrl(pathname), {
      ...init,
      headers: { "Auth-key": user.key, "Content-Type": "application/json" },
    });
    return (await response.json()) as T;
  }

  async function events(): Promise<EventDto[]> {
    return (await api<{ webhookEvents: EventDto[] }>("/api/v1/webhook-events")).webhookEvents;
  }

  function createEvent(
    name: string,
    type = "incoming.answered",
    urls = [`https://hooks.example.org/${encodeURIComponent(name)}`],
    enabled = true,
  ) {
    return api<EventDto>("/api/v1/webhook-events", {
      method: "POST",
      body: JSON.stringify({
        name,
        type,
        enabled,
        requests: urls.map((url) => ({ url, method: "POST" })),
      }),
    });
  }

  /** Posts a server action with this user's session cookie, the way the browser would. */
  async function callAction(name: ActionName, args: unknown[], as = page): Promise<string> {
    const pagePath = `/projects/${user.project.id}/webhooks`;
    const response = await postServerAction({ name, args, pagePath, as });
    expect(response.status).toBe(200);
    return response.text();
  }

  function row(name: string) {
    return page
      .getByTestId("event-row")
      .filter({ has: page.getByRole("link", { name, exact: true }) });
  }

  beforeAll(async () => {
    user = await seedUserWithProject("tabler");
    browser = await launchBrowser();
    page = await newPage(browser);
    page.setDefaultTimeout(10_000);
    await logIn(page, user);
  });

  afterAll(async () => {
    await browser?.close();
    await disconnectAppDatabase();
  });

  it("offers only Copy and the switch for the locked default event, which opens read-only", async () => {
    const defaultRow = row("Google Analytics");
    expect(await defaultRow.innerText()).toContain("Default");
    await page.getByRole("button", { name: "Actions for Google Analytics" }).click();
    const items = page
      .getByRole("menu", { name: "Actions for Google Analytics" })
      .getByRole("menuitem");
    expect(await items.allInnerTexts()).toEqual(["Copy", "Send test"]);
    await page.keyboard.press("Escape");

    await defaultRow.getByRole("link", { name: "Google Analytics", exact: true }).click();
    await page.getByText("This is the project's default event: it cannot be edited").waitFor();
    expect(await page.getByLabel("Name", { exact: true }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: /Step 2/ }).click();
    const card = page.getByRole("region", { name: "Request 1", exact: true });
    expect(await card.getByLabel("Direction", { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: /^Save/ }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Add parameter" }).count()).toBe(0);
    // The preview still renders it.
    await page
      .getByRole("region", { name: "Preview of request 1" })
      .getByText("/mp/collect")
      .first()
      .waitFor();

    // Posted directly, the actions refuse to change it.
    const [locked] = (await events()).filter((e) => e.locked);
    const update = await callAction("updateEventAction", [
      user.project.id,
      locked?.id,
      {
        name: "Hijacked",
        type: "incoming.after_call",
        requests: [{ url: "https://x.example.com", method: "POST" }],
      },
    ]);
    expect(update).toContain("cannot be edited or deleted");
    const remove = await callAction("deleteEventAction", [
      { projectId: user.project.id, eventId: locked?.id },
    ]);
    expect(remove).toContain("cannot be edited or deleted");
    expect((await events()).find((e) => e.locked)?.name).toBe("Google Analytics");
    await page.getByRole("button", { name: "Back to webhooks" }).click();
    await page.waitForURL(/\/webhooks$/);
  });

  it("disables an event with its switch, and it stays disabled after a reload", async () => {
    await createEvent("Chat bot");
    await page.reload();
    await page.getByRole("switch", { name: "Disable Chat bot" }).click();
    await page.getByText("“Chat bot” disabled").waitFor();
    await page.reload();
    const toggle = page.getByRole("switch", { name: "Enable Chat bot" });
    expect(await toggle.getAttribute("aria-checked")).toBe("false");
    expect(await row("Chat bot").innerText()).toContain("Disabled");
    expect((await events()).find((e) => e.name === "Chat bot")?.enabled).toBe(false);
  });

  it("puts the switch back and says why when the server refuses the change", async () => {
    const ghost = await createEvent("Ghost");
    await page.reload();
    await fetch(appUrl(`/api/v1/webhook-events/${ghost.id}`), {
      method: "DELETE",
      headers: { "Auth-key": user.key },
    });
    await page.getByRole("switch", { name: "Disable Ghost" }).click();
    await page.getByText("“Ghost” was not changed: Webhook event not found").waitFor();
    // The list is read again: the event someone else deleted is gone.
    await row("Ghost").waitFor({ state: "detached" });
  });

  it("deletes an event after asking, naming it", async () => {
    await page.getByRole("button", { name: "Actions for Chat bot" }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete “Chat bot”?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await row("Chat bot").count()).toBe(1);

    await page.getByRole("button", { name: "Actions for Chat bot" }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    await dialog.getByRole("button", { name: "Delete event" }).click();
    await page.getByText("“Chat bot” deleted").waitFor();
    await row("Chat bot").waitFor({ state: "detached" });
    await page.reload();
    await page.getByTestId("event-row").first().waitFor();
    expect(await row("Chat bot").count()).toBe(0);
    expect((await events()).map((e) => e.name)).not.toContain("Chat bot");
  });

  it("shows the last delivery and the failures of the last 24 hours, linked to the error check", async () => {
    const crm = await createEvent("CRM", "incoming.after_call");
    const db = await useAppDatabase();
    const call = await db.callEvent.create({
      data: {
        projectId: user.project.id,
        triggerType: "incoming.after_call",
        occurredAt: new Date(),
        call: {},
      },
    });
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    const delivery = (
      status: string,
      createdAt: Date,
      lastStatusCode: number | null,
      checkedAt: Date | null = null,
    ) => ({
      projectId: user.project.id,
      callEventId: call.id,
      webhookEventId: crm.id,
      eventName: "CRM",
      triggerType: "incoming.after_call",
      status,
      createdAt,
      lastStatusCode,
      checkedAt,
    });
    await db.delivery.createMany({
      data: [
        delivery("failed", hoursAgo(48), 500),
        delivery("failed", hoursAgo(5), 503),
        // Already marked checked on the error check page: no longer counted.
        delivery("failed", hoursAgo(3), 500, hoursAgo(1)),
        delivery("failed", hoursAgo(2), 500),
        delivery("succeeded", hoursAgo(1), 200),
      ],
    });
    // Two more, for a table that shows each state (and the screenshot in docs/).
    await createEvent(
      "Sales bot",
      "outgoing.after_call",
      ["https://bot.example.org/telegram/calls", "https://sheets.example.com/append"],
      false,
    );
    const popup = await createEvent("Pick-up popup", "incoming.answered", [
      "https://crm.example.com/popup/incoming",
    ]);
    await db.delivery.create({
      data: {
        ...delivery("pending", hoursAgo(0), null),
        // Due in an hour: the app's worker must not send (and fail) it before the page shows it.
        nextAttemptAt: new Date(Date.now() + 3_600_000),
        webhookEventId: popup.id,
        eventName: "Pick-up popup",
      },
    });
    await page.reload();
    expect(await row("Pick-up popup").innerText()).toContain("Queued");
    const text = await row("CRM").innerText();
    expect(text).toContain("Delivered · 200");
    const errors = row("CRM").getByRole("link", { name: /failed in the last 24 hours for CRM/ });
    expect(await errors.innerText()).toBe("2");
    const href = new URL((await errors.getAttribute("href")) ?? "", appUrl("/"));
    expect(href.pathname).toBe(`/projects/${user.project.id}/webhooks/errors`);
    expect(href.searchParams.get("eventId")).toBe(crm.id);
    const since = Date.parse(href.searchParams.get("from") ?? "");
    expect(Math.abs(Date.now() - 24 * 3_600_000 - since)).toBeLessThan(10 * 60_000);
    expect(await row("Google Analytics").innerText()).toContain("—");
    await mkdir(DOCS, { recursive: true });
    await page.screenshot({ path: path.join(DOCS, "webhooks-table.png") });
    await errors.click();
    await page.waitForURL(`**/webhooks/errors?eventId=${crm.id}&from=*`);
    await page.goBack();
    await page.getByTestId("event-row").first().waitFor();
  });

  it("searches by name and filters by event once there are more than 10 events", async () => {
    expect(await page.getByLabel("Search by name").count()).toBe(0);
    for (let i = 1; i <= 9; i += 1) {
      await createEvent(`Bot ${i}`, i % 2 ? "outgoing.after_call" : "incoming.answered");
    }
    await page.reload();
    await page.getByLabel("Search by name").fill("bot 7");
    await page.getByText("1 of 13").waitFor();
    expect(await page.getByTestId("event-row").allInnerTexts()).toHaveLength(1);
    await page.getByLabel("Search by name").fill("");
    await page.getByLabel("Filter by event").selectOption("outgoing.after_call");
    await page.getByText("6 of 13").waitFor();
    for (const text of await page.getByTestId("event-row").allInnerTexts()) {
      expect(text).toContain("Outgoing call");
    }
    await page.getByLabel("Filter by event").selectOption("");
  });

  it("fits 1024 px: every column, the switch and the menu are on screen", async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    const menu = page.getByRole("button", { name: "Actions for CRM" });
    const box = await menu.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(1024);
    const overflow = await page.evaluate(() => {
      const table = document.querySelector("table");
      const frame = table?.parentElement;
      return frame ? frame.scrollWidth - frame.clientWidth : -1;
    });
    expect(overflow).toBe(0);
    expect(await row("CRM").innerText()).toContain("Incoming call · after the call");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("keeps everything typed when the server refuses a save", async () => {
    const doomed = await createEvent("Doomed");
    // A full page load: typing waits until the page has hydrated.
    await page.goto(`/projects/${user.project.id}/webhooks/${doomed.id}`, {
      waitUntil: "networkidle",
    });
    await page.getByLabel("Name", { exact: true }).fill("Doomed, renamed");
    // Someone else deletes the event meanwhile.
    const deleted = await fetch(appUrl(`/api/v1/webhook-events/${doomed.id}`), {
      method: "DELETE",
      headers: { "Auth-key": user.key },
    });
    expect(deleted.status).toBe(204);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("alert").filter({ hasText: "Webhook event not found" }).first().waitFor();
    expect(page.url()).toContain(`/webhooks/${doomed.id}`);
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Doomed, renamed");
  });

  it("shows a viewer the events read-only, and refuses a viewer's actions", async () => {
    const viewer = await seedUserWithProject("viewer");
    const db = await useAppDatabase();
    await db.membership.create({
      data: { userId: viewer.user.id, projectId: user.project.id, role: "viewer" },
    });
    const viewerPage = await newPage(browser);
    viewerPage.setDefaultTimeout(10_000);
    await logIn(viewerPage, viewer);
    await viewerPage.goto(`/projects/${user.project.id}/webhooks`);
    await viewerPage.getByTestId("event-row").first().waitFor();
    expect(await viewerPage.getByRole("link", { name: "Add event" }).count()).toBe(0);
    expect(await viewerPage.getByRole("switch", { name: "Disable CRM" }).isDisabled()).toBe(true);
    await viewerPage.getByRole("button", { name: "Actions for CRM" }).click();
    expect(
      await viewerPage
        .getByRole("menu", { name: "Actions for CRM" })
        .getByRole("menuitem")
        .allInnerTexts(),
    ).toEqual(["View"]);
    await viewerPage.getByRole("menuitem", { name: "View" }).click();
    await viewerPage.getByText("changing it needs the admin role").waitFor();
    expect(await viewerPage.getByLabel("Name", { exact: true }).isDisabled()).toBe(true);
    expect(await viewerPage.getByRole("button", { name: /^(Save|Copy)/ }).count()).toBe(0);

    const crafted = await callAction(
      "deleteEventAction",
      [{ projectId: user.project.id, eventId: (await events()).find((e) => e.name === "CRM")?.id }],
      viewerPage,
    );
    expect(crafted).toContain("This needs the admin role in the project");
    expect((await events()).map((e) => e.name)).toContain("CRM");
    await viewerPage.context().close();
  });

  it("works from the keyboard: row menu, copy dialog, Next", async () => {
    await page.goto(`/projects/${user.project.id}/webhooks`, { waitUntil: "networkidle" });
    await page.getByRole("button", { name: "Actions for CRM" }).focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu", { name: "Actions for CRM" });
    await menu.waitFor();
    // The menu moves the focus to its first item as it opens.
    await page.waitForFunction(() => document.activeElement?.textContent === "Edit");
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Copy");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Choose the event type for the copy" });
    await dialog.waitFor();
    // Arrows move through the event types and wrap: up from the first is the last one,
    // Outgoing call: after the call.
    await page.keyboard.press("ArrowUp");
    expect(
      await dialog
        .getByRole("group", { name: "Outgoing call" })
        .getByLabel("after the call", { exact: true })
        .isChecked(),
    ).toBe(true);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/webhooks\/new\?copy=.+&type=outgoing\.after_call/);
    await page.getByRole("heading", { name: "Copy event" }).waitFor();
    await page.goto(`/projects/${user.project.id}/webhooks`);
  });

  it("explains what an event is when a project has none", async () => {
    const empty = await seedUserWithProject("empty");
    const db = await useAppDatabase();
    await db.webhookEvent.deleteMany({ where: { projectId: empty.project.id } });
    const emptyPage = await newPage(browser);
    await logIn(emptyPage, empty);
    await emptyPage.getByText("No events yet").waitFor();
    expect(await emptyPage.getByText("An event is a moment of a call").count()).toBe(1);
    await emptyPage.getByRole("link", { name: "Add the first event" }).click();
    await emptyPage.waitForURL("**/webhooks/new");
    await emptyPage.context().close();
  });

  it("answers a crafted save with the form's messages and saves nothing", async () => {
    const before = (await events()).length;
    const answer = await callAction("createEventAction", [
      user.project.id,
      {
        name: "Crafted",
        type: "incoming.after_call",
        requests: [
          {
            url: "https://crm.example.com/hooks",
            method: "POST",
            params: [{ name: "Имя сотрудника", type: "text", value: "{{employee_fio}}" }],
          },
        ],
      },
    ]);
    expect(answer).toContain(NAME_MESSAGE);
    expect(answer).toContain("requests[0].params[0].name");
    expect((await events()).length).toBe(before);
  });
});
