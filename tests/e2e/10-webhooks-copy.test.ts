import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCS_DIR, launchBrowser, newPage } from "./support/browser";
import { appUrl } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject } from "./support/seed";

// Copy an incoming-call event to “Outgoing call: after the call”, which lacks the UTM variables:
// the wizard lists them, nothing saves until they are dealt with, and the copy is then an
// ordinary event that can be edited (with the unsaved-changes guard on the way).

const DOCS = DOCS_DIR;

type EventDto = {
  id: string;
  name: string;
  type: string;
  requests: Array<{ id: string; url: string; params: unknown[] }>;
};

const SOURCE = {
  name: "CRM after call",
  type: "incoming.after_call",
  requests: [
    {
      url: "https://crm.example.com/hooks/calls",
      method: "POST",
      params: [
        { name: "call_id", type: "text", value: "{{uniqueid}}" },
        {
          name: "client",
          type: "object",
          fields: [{ name: "phone", type: "text", value: "{{caller}}" }],
        },
        { name: "utm", type: "array", items: ["{{utm_source}}", "{{utm_medium}}", "manual"] },
        { name: "sign", type: "sha256", value: "{{uniqueid}}:my-secret" },
      ],
    },
    {
      url: "https://crm.example.com/api/employee",
      method: "GET",
      params: [{ name: "{{Имя сотрудника}}", type: "text", value: "{{employee_fio}}" }],
    },
  ],
};

describe("copy an event to another event type, then edit the copy", () => {
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<typeof seedUserWithProject>>;

  async function api<T>(pathname: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(appUrl(pathname), {
      ...init,
      headers: { "Auth-key": user.key, "Content-Type": "application/json" },
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as T;
  }

  async function events(): Promise<EventDto[]> {
    return (await api<{ webhookEvents: EventDto[] }>("/api/v1/webhook-events")).webhookEvents;
  }

  beforeAll(async () => {
    user = await seedUserWithProject("copier");
    await api("/api/v1/webhook-events", { method: "POST", body: JSON.stringify(SOURCE) });
    browser = await launchBrowser();
    page = await newPage(browser);
    page.setDefaultTimeout(10_000);
    await logIn(page, user);
    await mkdir(DOCS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await disconnectAppDatabase();
  });

  it("asks for the event type of the copy in a dialog", async () => {
    await page.getByRole("button", { name: "Actions for CRM after call" }).click();
    await page.getByRole("menuitem", { name: "Copy" }).click();
    const dialog = page.getByRole("dialog", { name: "Choose the event type for the copy" });
    await dialog.waitFor();
    expect(await dialog.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    await dialog
      .getByRole("group", { name: "Outgoing call" })
      .getByLabel("after the call", { exact: true })
      .check();
    // The picture should show Next as the admin sees it after choosing: enabled, not mid-fade.
    await dialog.getByRole("button", { name: "Next", disabled: false }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(DOCS, "webhooks-copy-dialog.png") });
    await dialog.getByRole("button", { name: "Next" }).click();
    await page.waitForURL(/\/webhooks\/new\?copy=.+&type=outgoing\.after_call/);
  });

  it("opens the wizard prefilled and lists the variables the new type lacks", async () => {
    await page.getByRole("heading", { name: "Copy event" }).waitFor();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe(
      "Copy of CRM after call",
    );
    expect(await page.getByLabel("Event", { exact: true }).inputValue()).toBe(
      "outgoing.after_call",
    );
    const notice = page.getByRole("region", {
      name: /Outgoing call: after the call does not carry 2 variables/,
    });
    await notice.waitFor();
    const listed = await notice.innerText();
    expect(listed).toContain("{{utm_source}}");
    expect(listed).toContain("{{utm_medium}}");
    expect(listed).toContain("Request 1 · parameter 3 item 1");
  });

  it("saves nothing while the copy uses them", async () => {
    await page.getByRole("button", { name: "Save event" }).click();
    await page.getByText("Check the highlighted fields").first().waitFor();
    expect(page.url()).toContain("/webhooks/new?copy=");
    expect((await events()).map((e) => e.name)).not.toContain("Copy of CRM after call");
  });

  it("Fix goes to the field; Remove takes each variable out; Save creates the copy", async () => {
    await page
      .getByRole("button", {
        name: "Fix {{utm_source}} in Request 1 · parameter 3 item 1",
        exact: true,
      })
      .click();
    const card = page.getByRole("region", { name: "Request 1", exact: true });
    await card.getByRole("button", { name: "Remove item {{utm_source}} of parameter 3" }).waitFor();
    // The focus lands in parameter 3's items, on step 2.
    await page.waitForFunction(() =>
      /of parameter 3$/.test(document.activeElement?.getAttribute("aria-label") ?? ""),
    );

    await page
      .getByRole("button", {
        name: "Remove {{utm_source}} from Request 1 · parameter 3 item 1",
        exact: true,
      })
      .click();
    await page.getByRole("button", { name: /^Remove \{\{utm_medium\}\} from/ }).click();
    await page.getByRole("region", { name: /does not carry/ }).waitFor({ state: "detached" });

    await page.getByRole("button", { name: "Save event" }).click();
    await page.waitForURL(/\/webhooks$/);
    await page.getByText("Copy “Copy of CRM after call” created").waitFor();
    const row = page.getByTestId("event-row").filter({ hasText: "Copy of CRM after call" });
    const text = await row.innerText();
    expect(text).toContain("Outgoing call");
    expect(text).toContain("after the call");
    expect(text).toContain("2 requests");

    const copy = (await events()).find((e) => e.name === "Copy of CRM after call");
    expect(copy?.type).toBe("outgoing.after_call");
    expect(copy?.requests[0]?.params[2]).toEqual({ name: "utm", type: "array", items: ["manual"] });
    expect(copy?.requests[1]?.params).toEqual(SOURCE.requests[1]?.params);
    // The original is untouched.
    const original = (await events()).find((e) => e.name === "CRM after call");
    expect(original?.requests[0]?.params).toEqual(SOURCE.requests[0]?.params);
  });

  it("edits the copy: leaving with unsaved changes asks first; reorders; Save keeps the requests' identity", async () => {
    const before = (await events()).find((e) => e.name === "Copy of CRM after call");
    await page.getByRole("button", { name: "Actions for Copy of CRM after call" }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    await page.getByRole("heading", { name: "Edit “Copy of CRM after call”" }).waitFor();

    await page.getByLabel("Name", { exact: true }).fill("Sales bot after call");
    await page.getByRole("link", { name: "Webhooks", exact: true }).first().click();
    const guard = page.getByRole("dialog", { name: "Leave without saving?" });
    await guard.waitFor();
    await guard.getByRole("button", { name: "Keep editing" }).click();
    expect(page.url()).toContain(`/webhooks/${before?.id}`);
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe(
      "Sales bot after call",
    );

    await page.getByRole("button", { name: /Step 2/ }).click();
    const card = page.getByRole("region", { name: "Request 2", exact: true });
    await card.getByLabel("Direction", { exact: true }).fill("https://crm.example.com/api/sales");
    await page.getByRole("button", { name: "Move request 2 up" }).click();
    expect(
      await page
        .getByRole("region", { name: "Request 1", exact: true })
        .getByLabel("Direction", { exact: true })
        .inputValue(),
    ).toBe("https://crm.example.com/api/sales");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/\/webhooks$/);
    await page.getByText("Saved “Sales bot after call”").waitFor();
    await page.getByTestId("event-row").filter({ hasText: "Sales bot after call" }).waitFor();

    const after = (await events()).find((e) => e.id === before?.id);
    expect(after?.name).toBe("Sales bot after call");
    // Reordered, and each request kept its id (and so its delivery history).
    expect(after?.requests.map((r) => r.url)).toEqual([
      "https://crm.example.com/api/sales",
      "https://crm.example.com/hooks/calls",
    ]);
    expect(after?.requests.map((r) => r.id)).toEqual(before?.requests.map((r) => r.id).reverse());
  });
});
