import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NAME_MESSAGE } from "@/lib/model/event-schema";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { DOCS_DIR, launchBrowser, newPage } from "./support/browser";
import { appUrl } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject } from "./support/seed";

// The add-event journey: two webhook requests built in the wizard, checked in the live preview
// before saving, then found in the table and in the API exactly as typed.

const DOCS = DOCS_DIR;
const SAMPLE = sampleCallFor("incoming.after_call").call;
const POST_URL = "https://crm.example.com/hooks/calls?src=ringo";
const GET_URL = "https://crm.example.com/api/employee?src=ringo";

/** Polls until `read` returns a value `accept` takes; the preview renders after a debounce. */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15_000;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`still not accepted: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}

function requestCard(page: Page, n: number): Locator {
  return page.getByRole("region", { name: `Request ${n}`, exact: true });
}

async function addParam(card: Locator, label: string, name: string) {
  const addButton = label.includes(".")
    ? card.getByRole("button", { name: `Add field to parameter ${label.replace(/\.\d+$/, "")}` })
    : card.getByRole("button", { name: "Add parameter" });
  await addButton.click();
  await card.getByLabel(`Parameter ${label} name`, { exact: true }).fill(name);
}

describe("add an event with two webhook requests", () => {
  let browser: Browser;
  let page: Page;
  let user: Awaited<ReturnType<typeof seedUserWithProject>>;
  let copiedCurl = "";

  beforeAll(async () => {
    user = await seedUserWithProject("creator");
    browser = await launchBrowser();
    page = await newPage(browser);
    page.setDefaultTimeout(10_000);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await logIn(page, user);
    await mkdir(DOCS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await disconnectAppDatabase();
  });

  it("names the event and chooses “Incoming call: after the call” on step 1", async () => {
    await page.getByRole("link", { name: "Add event" }).click();
    await page.waitForURL("**/webhooks/new");
    await page.getByRole("button", { name: "Next: webhook requests" }).click();
    await page.getByText("enter a name").waitFor();
    await page.getByText("choose one of the event types").waitFor();

    await page.getByLabel("Name", { exact: true }).fill("CRM after call");
    await page.getByLabel("Event", { exact: true }).selectOption("incoming.after_call");
    await page.getByText("Conditions (optional)").click();
    const employees = page.getByLabel("Employees", { exact: true });
    await employees.fill("104");
    await employees.press("Enter");
    await page.getByText("ANSWERED", { exact: true }).click();
    await page.getByLabel("Minimum duration, s", { exact: true }).fill("10");
    await page.getByRole("button", { name: "Next: webhook requests" }).click();
    await requestCard(page, 1).waitFor();
  });

  it("builds a POST json request with a nested object, an array and a sha256 hash, and previews its body", async () => {
    const card = requestCard(page, 1);
    await card.getByLabel("Direction", { exact: true }).fill(POST_URL);

    await addParam(card, "1", "call_id");
    const callId = card.getByLabel("Parameter 1 value", { exact: true });
    await callId.pressSequentially("{{uniq");
    await page.getByRole("option", { name: /\{\{uniqueid\}\}/ }).waitFor();
    await callId.press("Enter");
    expect(await callId.inputValue()).toBe("{{uniqueid}}");

    await addParam(card, "2", "client");
    await card.getByLabel("Parameter 2 type", { exact: true }).selectOption("object");
    await addParam(card, "2.1", "phone");
    await card.getByLabel("Parameter 2.1 value", { exact: true }).fill("{{caller}}");
    await addParam(card, "2.2", "employee");
    await card.getByRole("button", { name: "Pick a variable for Parameter 2.2 value" }).click();
    await page.getByRole("combobox", { name: "Search variables" }).fill("employee_fio");
    await page.keyboard.press("Enter");
    expect(await card.getByLabel("Parameter 2.2 value", { exact: true }).inputValue()).toBe(
      "{{employee_fio}}",
    );

    await addParam(card, "3", "utm");
    await card.getByLabel("Parameter 3 type", { exact: true }).selectOption("array");
    await card.getByRole("button", { name: "Variables of parameter 3" }).click();
    await page.getByRole("option", { name: /\{\{utm_source\}\}/ }).click();
    await page.getByRole("option", { name: /\{\{utm_medium\}\}/ }).click();
    await page.keyboard.press("Escape");
    await card.getByRole("button", { name: "Add a text item to parameter 3" }).click();
    await card.getByLabel("Item 3 of parameter 3", { exact: true }).fill("manual");

    await addParam(card, "4", "sign");
    await card.getByLabel("Parameter 4 type", { exact: true }).selectOption("sha256");
    await card
      .getByLabel("Parameter 4 value to hash (sha256)", { exact: true })
      .fill("{{uniqueid}}:my-secret");

    const expected = {
      call_id: SAMPLE.uniqueid,
      client: { phone: SAMPLE.caller, employee: SAMPLE.employee_fio },
      utm: [SAMPLE.utm_source, SAMPLE.utm_medium, "manual"],
      sign: createHash("sha256").update(`${SAMPLE.uniqueid}:my-secret`).digest("hex"),
    };
    const preview = page.getByRole("region", { name: "Preview of request 1" });
    await eventually(
      async () => {
        const text = await preview.getByTestId("preview-body").textContent({ timeout: 10_000 });
        try {
          return JSON.parse(text ?? "");
        } catch {
          return null;
        }
      },
      (body) => JSON.stringify(body) === JSON.stringify(expected),
    );
    const previewText = await preview.innerText();
    expect(previewText).toContain(POST_URL);
    expect(previewText).toContain("Content-Type: application/json; charset=utf-8");

    // Tall enough for the whole wizard, so the sticky preview and action bar sit where they rest.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: path.join(DOCS, "webhooks-wizard.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("copies the preview as curl", async () => {
    const preview = page.getByRole("region", { name: "Preview of request 1" });
    await preview.getByRole("button", { name: "Copy as curl" }).click();
    await page.getByText("curl command copied").waitFor();
    copiedCurl = await page.evaluate(() => navigator.clipboard.readText());
    expect(copiedCurl).toContain(`curl --globoff --path-as-is -X POST '${POST_URL}'`);
  });

  it("builds a GET request: the Content-Type goes, a bare Cyrillic name is fixed in one click", async () => {
    await page.getByRole("button", { name: "Add webhook request" }).click();
    const card = requestCard(page, 2);
    await card.getByLabel("Direction", { exact: true }).fill(GET_URL);
    expect(await card.getByText("Automatic").count()).toBe(1);
    await card.getByLabel("Method", { exact: true }).selectOption("GET");
    await card.getByText("No headers.").waitFor();
    expect(await card.getByLabel("Data format", { exact: true }).count()).toBe(0);

    await addParam(card, "1", "Имя сотрудника");
    await card.getByText(`Имя сотрудника: ${NAME_MESSAGE}`).waitFor();
    await card.getByRole("button", { name: "Wrap in {{ }}" }).click();
    expect(await card.getByLabel("Parameter 1 name", { exact: true }).inputValue()).toBe(
      "{{Имя сотрудника}}",
    );
    await card.getByText(NAME_MESSAGE).waitFor({ state: "detached" });
    await card.getByLabel("Parameter 1 value", { exact: true }).fill("{{employee_fio}}");
    await addParam(card, "2", "call_id");
    await card.getByLabel("Parameter 2 value", { exact: true }).fill("{{uniqueid}}");

    const preview = page.getByRole("region", { name: "Preview of request 2" });
    const url = await eventually(
      async () => new URL((await preview.getByTestId("preview-url").textContent()) ?? "http://x"),
      (u) => u.searchParams.has("call_id"),
    );
    expect(url.origin + url.pathname).toBe("https://crm.example.com/api/employee");
    expect([...url.searchParams]).toEqual([
      ["src", "ringo"],
      ["Имя сотрудника", SAMPLE.employee_fio],
      ["call_id", SAMPLE.uniqueid],
    ]);
    expect(await preview.innerText()).toContain("No body: GET sends the parameters");
  });

  it("saves; both requests are in the table and in the API as typed", async () => {
    await page.getByRole("button", { name: "Save event" }).click();
    await page.waitForURL(/\/webhooks$/);
    await page.getByText("Event “CRM after call” created").waitFor();
    const row = page.getByTestId("event-row").filter({ hasText: "CRM after call" });
    const text = await row.innerText();
    expect(text).toContain("Incoming call");
    expect(text).toContain("after the call");
    expect(text).toContain("2 requests");
    expect(text).toContain("crm.example.com");
    expect(text).toContain("Enabled");

    const listed = await fetch(appUrl("/api/v1/webhook-events"), {
      headers: { "Auth-key": user.key },
    });
    const { webhookEvents } = (await listed.json()) as {
      webhookEvents: Array<{
        name: string;
        type: string;
        conditions: unknown;
        requests: Array<Record<string, unknown>>;
      }>;
    };
    const saved = webhookEvents.find((e) => e.name === "CRM after call");
    expect(saved?.type).toBe("incoming.after_call");
    expect(saved?.conditions).toEqual({
      employeeNumbers: ["104"],
      departments: [],
      dispositions: ["ANSWERED"],
      minDurationSec: 10,
    });
    expect(saved?.requests.map((r) => [r.method, r.url])).toEqual([
      ["POST", POST_URL],
      ["GET", GET_URL],
    ]);
    expect(saved?.requests[0]?.params).toEqual([
      { name: "call_id", type: "text", value: "{{uniqueid}}" },
      {
        name: "client",
        type: "object",
        fields: [
          { name: "phone", type: "text", value: "{{caller}}" },
          { name: "employee", type: "text", value: "{{employee_fio}}" },
        ],
      },
      { name: "utm", type: "array", items: ["{{utm_source}}", "{{utm_medium}}", "manual"] },
      { name: "sign", type: "sha256", value: "{{uniqueid}}:my-secret" },
    ]);
    expect(saved?.requests[1]?.params).toEqual([
      { name: "{{Имя сотрудника}}", type: "text", value: "{{employee_fio}}" },
      { name: "call_id", type: "text", value: "{{uniqueid}}" },
    ]);
    expect(saved?.requests[1]?.headers).toEqual([]);

    // The curl copied from the preview is the API's curl for the request as saved.
    const rendered = await fetch(appUrl("/api/v1/render-preview"), {
      method: "POST",
      headers: { "Auth-key": user.key, "Content-Type": "application/json" },
      body: JSON.stringify({ type: saved?.type, request: saved?.requests[0] }),
    });
    expect(rendered.status).toBe(200);
    expect(copiedCurl).toBe(((await rendered.json()) as { curl: string }).curl);
  });
});
