import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { parseCsv } from "../helpers/csv";
import {
  type LoopbackServer,
  type SeenRequest,
  startLoopbackServer,
} from "../helpers/loopback-server";
import { DOCS_DIR, launchBrowser, VIEWPORT } from "./support/browser";
import { disconnectAppDatabase, logIn, seedUserWithProject, useAppDatabase } from "./support/seed";
import { expectUkrainian, forgiven } from "./support/ukrainian-check";

// The main journey of a Ukrainian-speaking admin, in the order they make it: Ukrainian chosen in
// the account menu, an event built in the wizard and copied, calls that fail at the CRM, the
// failure looked into (list, chart, drawer, curl, CSV) and sent again once the CRM is back.
// Every page on the way is checked for English, and what reaches the CRM for intact Cyrillic.

const EVENT = "Нова заявка в CRM";
const COPY = `${EVENT} (копія)`;
const PROJECT = "Магазин «Квітка»";
const HEADER = { name: "X-Source", value: "Сайт · Київ" };
const COMMENT = "Передзвонити клієнту — «терміново»";
const MANAGER = "Марія Шевченко";
const CALLS = { original: "ДЗВ-2401", copy: "ДЗВ-2402" };
const FAILURE_BODY = '{"помилка":"CRM недоступна","деталі":"заявку 42 не збережено"}';

const run = promisify(execFile);

/** Header value as the receiver read it off the wire: Node hands header bytes over as Latin-1. */
function headerOf(request: SeenRequest | undefined, name: string): string | undefined {
  const found = request?.rawHeaders.find(([key]) => key.toLowerCase() === name.toLowerCase());
  return found ? Buffer.from(found[1], "latin1").toString("utf8") : undefined;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

function shot(name: string): string {
  return path.join(DOCS_DIR, `uk-journey-${name}.png`);
}

describe("a Ukrainian-speaking admin's main journey", () => {
  let browser: Browser;
  let page: Page;
  let crm: LoopbackServer;
  let seeded: Awaited<ReturnType<typeof seedUserWithProject>>;
  let userText: string[];
  const started = performance.now();

  // The body the CRM must receive for the first call, byte for byte (compact JSON, keys in order).
  const expectedBody = Buffer.from(
    JSON.stringify({
      call_id: CALLS.original,
      manager: MANAGER,
      comment: COMMENT,
    }),
    "utf8",
  );

  beforeAll(async () => {
    crm = await startLoopbackServer((_request, response) => {
      response.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      response.end(FAILURE_BODY);
    });
    seeded = await seedUserWithProject("journey");
    const db = await useAppDatabase();
    await db.project.update({ where: { id: seeded.project.id }, data: { name: PROJECT } });
    userText = [EVENT, COPY, PROJECT, seeded.email, HEADER.value, COMMENT, MANAGER];
    userText.push(
      ...Object.values(CALLS),
      String(sampleCallFor("incoming.after_call").call.employee_fio),
    );
    browser = await launchBrowser();
    // The admin's browser asks for English: Ukrainian is their own choice, made in the app.
    const context = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: VIEWPORT,
      locale: "en-US",
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await crm?.close();
    await disconnectAppDatabase();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`[51-ukrainian-journey] the journey took ${seconds} s`);
    for (const { where, text } of forgiven)
      console.log(`[51] receiver data shown as sent on ${where}: ${text}`);
  });

  it("switches the interface to Ukrainian in the account menu", async () => {
    await logIn(page, seeded);
    await page.getByRole("heading", { name: "Webhooks" }).waitFor();
    await page.getByTestId("locale-switch").selectOption("uk");
    await page.getByRole("heading", { name: "Вебхуки" }).waitFor();
    const db = await useAppDatabase();
    expect((await db.user.findUniqueOrThrow({ where: { id: seeded.user.id } })).locale).toBe("uk");
    await expectUkrainian(page, "the webhooks table", userText);
  });

  it("builds the event in the wizard: Cyrillic in a header and a parameter, a picked variable", async () => {
    await page.getByRole("link", { name: "Додати подію" }).click();
    await page.waitForURL("**/webhooks/new");
    await page.getByLabel("Назва", { exact: true }).fill(EVENT);
    await page.getByLabel("Подія", { exact: true }).selectOption("incoming.after_call");
    await expectUkrainian(page, "the wizard's step 1", userText);
    await page.getByRole("button", { name: "Далі: вебхук-запити" }).click();

    const card = page.getByRole("region", { name: "Запит 1", exact: true });
    await card.getByLabel("Адреса", { exact: true }).fill(`${crm.origin}/crm/calls`);
    await card.getByRole("button", { name: "Додати заголовок" }).click();
    await card.getByLabel("Назва заголовка 2", { exact: true }).fill(HEADER.name);
    await card.getByLabel("Значення заголовка 2", { exact: true }).fill(HEADER.value);

    await card.getByRole("button", { name: "Додати параметр" }).click();
    await card.getByLabel("Назва параметра 1", { exact: true }).fill("call_id");
    await card.getByLabel("Значення параметра 1", { exact: true }).fill("{{uniqueid}}");
    await card.getByRole("button", { name: "Додати параметр" }).click();
    await card.getByLabel("Назва параметра 2", { exact: true }).fill("manager");
    // The picker finds a variable by its Ukrainian name.
    await card
      .getByRole("button", { name: "Вибрати змінну для поля «Значення параметра 2»" })
      .click();
    await page.getByRole("combobox", { name: "Пошук змінних" }).fill("ПІБ");
    await page.getByRole("option", { name: /ПІБ співробітника/ }).waitFor();
    await page.keyboard.press("Enter");
    expect(await card.getByLabel("Значення параметра 2", { exact: true }).inputValue()).toBe(
      "{{employee_fio}}",
    );
    await card.getByRole("button", { name: "Додати параметр" }).click();
    await card.getByLabel("Назва параметра 3", { exact: true }).fill("comment");
    await card.getByLabel("Значення параметра 3", { exact: true }).fill(COMMENT);

    // One attempt: the failure reaches the error check at once.
    await card.getByText("Доставка", { exact: true }).click();
    await card.getByLabel("Спроби", { exact: true }).fill("1");
    await card.getByText(/ · без повторів · /).waitFor();

    const sample = sampleCallFor("incoming.after_call").call;
    const preview = page.getByRole("region", { name: "Попередній перегляд запиту 1" });
    await until("the preview to show the body", async () => {
      const text = await preview.getByTestId("preview-body").textContent();
      try {
        return (
          JSON.stringify(JSON.parse(text ?? "")) ===
          JSON.stringify({
            call_id: sample.uniqueid,
            manager: sample.employee_fio,
            comment: COMMENT,
          })
        );
      } catch {
        return false;
      }
    });
    expect(await preview.innerText()).toContain(`${HEADER.name}: ${HEADER.value}`);
    await expectUkrainian(page, "the wizard's step 2", userText);
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: shot("1-wizard"), fullPage: true });
    await page.setViewportSize(VIEWPORT);

    await page.getByRole("button", { name: "Зберегти подію" }).click();
    await page.waitForURL(/\/webhooks$/);
    await page.getByText(`Подію «${EVENT}» створено`).waitFor();
    await page.getByTestId("event-row").filter({ hasText: EVENT }).waitFor();
  });

  it("copies the event to “Outgoing call: after the call” with the copy dialog", async () => {
    await page.getByRole("button", { name: `Дії для ${EVENT}` }).click();
    await page.getByRole("menuitem", { name: "Копіювати" }).click();
    const dialog = page.getByRole("dialog", { name: "Оберіть тип події для копії" });
    await dialog
      .getByRole("group", { name: "Вихідний дзвінок" })
      .getByLabel("після дзвінка", { exact: true })
      .check();
    await dialog.getByRole("button", { name: "Далі", disabled: false }).waitFor();
    await page.waitForTimeout(300);
    await expectUkrainian(page, "the copy dialog", userText);
    await page.screenshot({ path: shot("2-copy") });
    await dialog.getByRole("button", { name: "Далі" }).click();

    await page.getByRole("heading", { name: "Копіювати подію" }).waitFor();
    expect(await page.getByLabel("Назва", { exact: true }).inputValue()).toBe(COPY);
    await expectUkrainian(page, "the copy's wizard", userText);
    await page.getByRole("button", { name: "Зберегти подію" }).click();
    await page.waitForURL(/\/webhooks$/);
    await page.getByText(`Копію «${COPY}» створено`).waitFor();
    const row = page.getByTestId("event-row").filter({ hasText: COPY });
    expect(await row.innerText()).toContain("Вихідний дзвінок");
    await expectUkrainian(page, "the webhooks table with the copy", userText);
  });

  it("posts two calls through the API; both fail at the CRM", async () => {
    const calls = [
      { type: "incoming.after_call", uniqueid: CALLS.original },
      { type: "outgoing.after_call", uniqueid: CALLS.copy },
    ] as const;
    for (const call of calls) {
      const response = await fetch(new URL("/api/v1/call-events", inject("baseURL")), {
        method: "POST",
        headers: { "Auth-key": seeded.key, "Content-Type": "application/json" },
        body: JSON.stringify({
          type: call.type,
          occurredAt: new Date().toISOString(),
          call: {
            ...sampleCallFor(call.type).call,
            uniqueid: call.uniqueid,
            employee_fio: MANAGER,
          },
        }),
      });
      expect(response.status).toBe(202);
    }
    const db = await useAppDatabase();
    const failed = { projectId: seeded.project.id, status: "failed" } as const;
    await until(
      "both deliveries to fail",
      async () => (await db.delivery.count({ where: failed })) === 2,
    );
    const first = crm.requests.find(
      (r) => headerOf(r, "content-type") && r.body.includes(CALLS.original),
    );
    expect(first?.body.equals(expectedBody)).toBe(true);
    expect(headerOf(first, HEADER.name)).toBe(HEADER.value);
  });

  function row(callId: string): Locator {
    return page.getByTestId("delivery-row").filter({ hasText: callId });
  }

  it("finds both failures on the error check page, in the list and on the chart", async () => {
    await page.getByRole("link", { name: /Перевірка помилок/ }).click();
    await page.getByRole("heading", { name: "Перевірка помилок вебхуків" }).waitFor();
    await row(CALLS.original).waitFor();
    await row(CALLS.copy).waitFor();
    expect(await page.getByTestId("list-total").innerText()).toContain("2 невдалі вебхуки");
    const failed = await row(CALLS.original).innerText();
    expect(failed).toContain("HTTP 500");
    expect(failed).toContain("Спроб: 1 з 1");
    expect(failed).toContain(EVENT);
    expect(await row(CALLS.copy).innerText()).toContain(COPY);

    // The chart: the hour's bar and its tooltip, in Ukrainian.
    const chart = page.getByTestId("hourly-chart");
    await page.getByRole("heading", { name: "Доставки за годинами, останні 7 днів" }).waitFor();
    await page.getByText("Помилки 2", { exact: true }).waitFor();
    const bar = chart.locator(".recharts-bar-rectangle path").last();
    await bar.hover();
    await page.getByText("Натисніть, щоб показати цю годину").waitFor();
    await page.getByText("Помилок: 2").waitFor();
    await expectUkrainian(page, "the error check page", userText);
    await page.screenshot({ path: shot("3-error-check"), fullPage: true });
  });

  it("opens the drawer: attempts, the answer, and a curl command that sends the same bytes", async () => {
    await row(CALLS.original)
      .getByRole("button", { name: /^Докладно/ })
      .click();
    const drawer = page.getByRole("dialog", { name: /Деталі вебхука/ });
    const attempt = drawer.getByTestId("attempt").first();
    await attempt.waitFor();
    expect(await attempt.innerText()).toContain("Спроба 1");
    expect(await attempt.innerText()).toContain("CRM недоступна");
    expect(await drawer.innerText()).toContain(COMMENT);
    await expectUkrainian(page, "the delivery drawer", userText);
    await page.screenshot({ path: shot("4-drawer") });

    await drawer.getByRole("button", { name: "Копіювати як curl" }).click();
    await page.getByText("Скопійовано: команду curl").waitFor();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain(`-H '${HEADER.name}: ${HEADER.value}'`);
    expect(curl).toContain(`--data-raw '${expectedBody.toString("utf8")}'`);

    // Run as an admin would paste it: the CRM gets from curl what it got from the worker.
    const before = crm.requests.length;
    await run("sh", ["-c", curl], { timeout: 10_000 });
    expect(crm.requests.length).toBe(before + 1);
    const replayed = crm.requests.at(-1);
    expect(replayed?.body.equals(expectedBody)).toBe(true);
    expect(headerOf(replayed, HEADER.name)).toBe(HEADER.value);
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
  });

  it("downloads the CSV: UTF-8 with a BOM, Ukrainian columns, Cyrillic intact", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Завантажити CSV" }).click(),
    ]);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString("utf8"));
    const column = (name: string) => header?.indexOf(name) ?? -1;
    expect(header).toEqual(expect.arrayContaining(["Ідентифікатор", "Подія", "ID дзвінка"]));
    const original = rows.find((r) => r[column("ID дзвінка")] === CALLS.original);
    expect(original?.[column("Подія")]).toBe(EVENT);
    expect(original?.[column("Момент дзвінка")]).toBe("Вхідний дзвінок: після дзвінка");
    expect(original?.[column("Фрагмент відповіді")]).toContain("CRM недоступна");
    expect(rows.find((r) => r[column("ID дзвінка")] === CALLS.copy)?.[column("Подія")]).toBe(COPY);
  });

  it("sends the failure again once the CRM is back; the CRM gets the configured bytes", async () => {
    crm.respondWith((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("збережено");
    });
    const before = crm.requests.length;
    await row(CALLS.original)
      .getByRole("button", { name: /^Докладно/ })
      .click();
    const drawer = page.getByRole("dialog", { name: /Деталі вебхука/ });
    await drawer.getByRole("button", { name: "Надіслати знову" }).click();
    const progress = page.locator('[data-testid="resend-progress"][data-done="true"]');
    await progress.waitFor();
    expect(await progress.innerText()).toContain("доставлено: 1");
    await until("the CRM to get the resent request", async () => crm.requests.length > before);
    const resent = crm.requests.at(-1);
    expect(resent?.body.equals(expectedBody)).toBe(true);
    expect(headerOf(resent, HEADER.name)).toBe(HEADER.value);
    if (await drawer.isVisible()) await page.keyboard.press("Escape");
    await row(CALLS.original).waitFor({ state: "detached" });
    expect(await page.getByTestId("list-total").innerText()).toContain("1 невдалий вебхук");
    await expectUkrainian(page, "the error check page after sending again", userText);

    // The event's delivery log shows it delivered on the second attempt.
    const db = await useAppDatabase();
    const event = await db.webhookEvent.findFirstOrThrow({
      where: { projectId: seeded.project.id, name: EVENT },
    });
    await page.goto(`/projects/${seeded.project.id}/webhooks/${event.id}/deliveries`);
    await page.getByRole("heading", { name: `Журнал доставок: ${EVENT}` }).waitFor();
    const delivered = row(CALLS.original);
    await delivered.waitFor();
    expect(await delivered.getAttribute("data-status")).toBe("succeeded");
    expect(await delivered.innerText()).toContain("200 Доставлено");
    await expectUkrainian(page, "the delivery log", userText);
    await page.screenshot({ path: shot("5-resent"), fullPage: true });
  });
});
