import { createServer } from "node:net";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DOCS_DIR, launchBrowser, VIEWPORT } from "./support/browser";
import { englishLeftIn } from "./support/english-left";
import { type FlakyReceiver, startFlakyReceiver } from "./support/flaky-receiver";
import { disconnectAppDatabase, seedUserWithProject, useAppDatabase } from "./support/seed";

// Words a field message may keep in Latin letters: product names and protocols.
const ALLOWED_IN_MESSAGES = /\b(GA4|CRM|URL|HTTP|GET|POST|PUT)\b/g;

/** The field messages on the page (each field's error is announced with role="alert"). */
async function shownErrors(page: Page): Promise<string[]> {
  return page.locator("[role=alert]").allInnerTexts();
}

/** Latin words in texts, apart from e-mails, example ids and the allowed names. */
async function latinIn(texts: Promise<string[]>): Promise<string[]> {
  return (await texts).flatMap((text) => {
    const rest = text
      .replace(/\S+@\S+/g, " ")
      .replace(/\bG-X+\b/g, " ")
      .replace(ALLOWED_IN_MESSAGES, " ");
    return [...rest.matchAll(/[A-Za-z]{2,}/g)].map((m) => `${m[0]} in “${text}”`);
  });
}

async function ukrainianContext(browser: Browser): Promise<BrowserContext> {
  // Chromium sends Accept-Language from the context's locale.
  return browser.newContext({ baseURL: inject("baseURL"), viewport: VIEWPORT, locale: "uk-UA" });
}

describe("the interface in Ukrainian", () => {
  let browser: Browser;
  let receiver: FlakyReceiver;

  beforeAll(async () => {
    browser = await launchBrowser();
    receiver = await startFlakyReceiver('{"помилка":"CRM недоступна"}');
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await disconnectAppDatabase();
  });

  it("follows Accept-Language before sign-in and the saved choice after it", async () => {
    const seeded = await seedUserWithProject("movna");
    const context = await ukrainianContext(browser);
    const page = await context.newPage();
    await page.goto("/login");
    expect(await page.locator("html").getAttribute("lang")).toBe("uk");
    await page.getByRole("heading", { name: "Вхід" }).waitFor();
    await page.getByLabel("Електронна пошта").fill(seeded.email);
    await page.getByLabel("Пароль").fill(seeded.password);
    await page.getByRole("button", { name: "Увійти" }).click();
    await page.waitForURL("**/projects/*/webhooks");
    await page.getByRole("heading", { name: "Вебхуки" }).waitFor();

    // English picked in the account menu wins over the browser's Ukrainian, after a reload too.
    await page.getByTestId("locale-switch").selectOption("en");
    await page.getByRole("heading", { name: "Webhooks" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Webhooks" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const db = await useAppDatabase();
    expect((await db.user.findUniqueOrThrow({ where: { id: seeded.user.id } })).locale).toBe("en");

    await page.getByTestId("locale-switch").selectOption("uk");
    await page.getByRole("heading", { name: "Вебхуки" }).waitFor();
    expect((await db.user.findUniqueOrThrow({ where: { id: seeded.user.id } })).locale).toBe("uk");
    await context.close();
  });

  it("shows the webhooks table and the error check with no English sentence left", async () => {
    const seeded = await seedUserWithProject("ukr");
    const projectId = seeded.project.id;
    const db = await useAppDatabase();
    await db.user.update({ where: { id: seeded.user.id }, data: { locale: "uk" } });
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const { sampleCallFor } = await import("@/lib/model/sample-calls");
    const event = await createWebhookEvent(projectId, {
      name: "Дзвінок у CRM",
      type: "incoming.after_call",
      requests: [
        {
          url: `${receiver.url}/crm`,
          method: "POST",
          params: [{ name: "call_id", type: "text", value: "{{uniqueid}}" }],
          retry: { attempts: 1 },
        },
      ],
    });
    const sample = sampleCallFor("incoming.after_call");
    const sent = await fetch(new URL("/api/v1/call-events", inject("baseURL")), {
      method: "POST",
      headers: { "Auth-key": seeded.key, "Content-Type": "application/json" },
      body: JSON.stringify({
        type: "incoming.after_call",
        occurredAt: new Date().toISOString(),
        call: { ...sample.call, uniqueid: "ДЗВ-1" },
      }),
    });
    expect(sent.status).toBe(202);
    const deadline = Date.now() + 30_000;
    while ((await db.delivery.count({ where: { projectId, status: "failed" } })) < 1) {
      if (Date.now() > deadline) throw new Error("the delivery did not fail in time");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const events = await db.webhookEvent.findMany({ where: { projectId }, select: { name: true } });
    const userText = [...events.map((e) => e.name), seeded.project.name, seeded.email];

    // An English browser: the saved choice decides.
    const context = await browser.newContext({
      baseURL: inject("baseURL"),
      viewport: VIEWPORT,
      locale: "en-US",
    });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(seeded.email);
    await page.getByLabel("Password").fill(seeded.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/projects/*/webhooks");

    await page.getByRole("heading", { name: "Вебхуки" }).waitFor();
    const row = page.getByTestId("event-row").filter({ hasText: event.name });
    expect(await row.innerText()).toContain("Вхідний дзвінок");
    expect(await row.innerText()).toContain("після дзвінка");
    expect(await row.innerText()).toContain("1 запит");
    expect(await englishLeftIn(page, userText)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS_DIR, "uk-webhooks.png") });

    await page.getByRole("link", { name: /Перевірка помилок/ }).click();
    await page.getByRole("heading", { name: "Перевірка помилок вебхуків" }).waitFor();
    await page.getByRole("heading", { name: "Доставки за годинами, останні 7 днів" }).waitFor();
    const failed = page.getByTestId("delivery-row").filter({ hasText: "ДЗВ-1" });
    await failed.waitFor();
    expect(await failed.innerText()).toContain("HTTP 500");
    expect(await failed.innerText()).toContain("Спроб: 1 з 1");
    expect(await page.getByTestId("list-total").innerText()).toContain("1 невдалий вебхук");
    expect(await englishLeftIn(page, userText)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS_DIR, "uk-error-check.png") });

    // The drawer: every attempt as sent and answered; the worker's error text is data.
    const recorded = await db.attempt.findMany({
      where: { delivery: { projectId } },
      select: { error: true },
    });
    const withErrors = [...userText, ...recorded.flatMap((a) => (a.error ? [a.error] : []))];
    await failed.getByRole("button", { name: /^Докладно/ }).click();
    const drawer = page.getByRole("dialog", { name: /Деталі вебхука/ });
    await drawer.getByTestId("attempt").first().waitFor();
    expect(await drawer.innerText()).toContain("Спроба 1");
    expect(await drawer.innerText()).toContain("Подія дзвінка");
    expect(await englishLeftIn(page, withErrors)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS_DIR, "uk-delivery-drawer.png") });
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    await page.goto(`/projects/${projectId}/webhooks/${event.id}/deliveries`);
    await page.getByRole("heading", { name: `Журнал доставок: ${event.name}` }).waitFor();
    await page.getByTestId("delivery-row").first().waitFor();
    expect(await page.getByTestId("list-total").innerText()).toContain("1 доставка");
    expect(await englishLeftIn(page, withErrors)).toEqual([]);
    await page.goto(`/projects/${projectId}/webhooks/errors`);

    // The download: UTF-8 with a BOM (Excel reads Cyrillic), columns and moments in Ukrainian.
    const href = await page.getByRole("link", { name: "Завантажити CSV" }).getAttribute("href");
    const response = await context.request.get(href ?? "");
    const bytes = await response.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString("utf8");
    const [header, first] = csv.split("\r\n");
    expect(header?.split(",").slice(0, 2)).toEqual(["Ідентифікатор", "Створено"]);
    expect(first).toContain("Вхідний дзвінок: після дзвінка");
    expect(first).toContain("Дзвінок у CRM");

    // The other pages of the account, each with no English sentence left.
    const keys = await db.apiKey.findMany({ where: { projectId }, select: { name: true } });
    const ownText = [...userText, ...keys.map((k) => k.name)];
    const pages = [
      { path: "simulator", heading: "Імітація дзвінка", shot: "uk-simulator.png" },
      { path: "settings", heading: "Налаштування проєкту", shot: "uk-settings.png" },
      { path: "members", heading: "Учасники", shot: "uk-members.png" },
    ];
    for (const { path: segment, heading, shot } of pages) {
      await page.goto(`/projects/${projectId}/${segment}`);
      await page.getByRole("heading", { name: heading, exact: true }).first().waitFor();
      expect({ segment, english: await englishLeftIn(page, ownText) }).toEqual({
        segment,
        english: [],
      });
      await page.screenshot({ path: path.join(DOCS_DIR, shot), fullPage: true });
    }
    await context.close();
  });

  it("says why an attempt failed and why it cannot be sent again in Ukrainian", async () => {
    const seeded = await seedUserWithProject("vidmova");
    const projectId = seeded.project.id;
    const db = await useAppDatabase();
    await db.user.update({ where: { id: seeded.user.id }, data: { locale: "uk" } });
    // A port nobody listens on: the receiver's host refuses the connection.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const address = closed.address();
    const port = typeof address === "object" && address ? address.port : 0;
    await new Promise((resolve) => closed.close(resolve));
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const { sampleCallFor } = await import("@/lib/model/sample-calls");
    const event = await createWebhookEvent(projectId, {
      name: "Закритий порт",
      type: "incoming.after_call",
      requests: [{ url: `http://127.0.0.1:${port}/crm`, method: "POST", retry: { attempts: 1 } }],
    });
    const sent = await fetch(new URL("/api/v1/call-events", inject("baseURL")), {
      method: "POST",
      headers: { "Auth-key": seeded.key, "Content-Type": "application/json" },
      body: JSON.stringify({
        type: "incoming.after_call",
        occurredAt: new Date().toISOString(),
        call: { ...sampleCallFor("incoming.after_call").call, uniqueid: "ДЗВ-2" },
      }),
    });
    expect(sent.status).toBe(202);
    const deadline = Date.now() + 30_000;
    while ((await db.delivery.count({ where: { projectId, status: "failed" } })) < 1) {
      if (Date.now() > deadline) throw new Error("the delivery did not fail in time");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const stored = await db.attempt.findFirstOrThrow({ where: { delivery: { projectId } } });
    expect(stored.error).toBe(`connection refused by 127.0.0.1:${port}`);
    // The worker pauses a request after failures in a row; its reason is stored in English.
    await db.webhookRequest.updateMany({
      where: { eventId: event.id },
      data: { pausedAt: new Date(), pausedReason: "Paused after 5 failed deliveries in a row" },
    });
    const userText = [event.name, seeded.project.name, seeded.email];

    const context = await ukrainianContext(browser);
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Електронна пошта").fill(seeded.email);
    await page.getByLabel("Пароль").fill(seeded.password);
    await page.getByRole("button", { name: "Увійти" }).click();
    await page.waitForURL("**/projects/*/webhooks");
    await page.goto(`/projects/${projectId}/webhooks/errors`);
    const failed = page.getByTestId("delivery-row").filter({ hasText: "ДЗВ-2" });
    await failed.getByRole("button", { name: /^Докладно/ }).click();
    const drawer = page.getByRole("dialog", { name: /Деталі вебхука/ });
    await drawer.getByTestId("attempt").first().waitFor();
    const refused = `127.0.0.1:${port} відхилив з'єднання`;
    await drawer.getByText(refused).first().waitFor();
    await drawer
      .getByText(
        "Надіслати знову неможливо: Його запит вебхука призупинено (Призупинено після 5 невдалих доставок поспіль); увімкніть подію, щоб відновити запит, і надішліть знову",
      )
      .waitFor();
    expect(await drawer.getByRole("button", { name: "Надіслати знову" }).isDisabled()).toBe(true);
    // The worker's words are in Ukrainian now: they are no longer excused from the check.
    expect(await englishLeftIn(page, userText)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS_DIR, "uk-refusals.png") });
    await page.keyboard.press("Escape");

    // The paused request's banner in the wizard gives the same reason.
    await page.goto(`/projects/${projectId}/webhooks/${event.id}`);
    await page.getByRole("button", { name: /Крок 2/ }).click();
    await page
      .getByTestId("request-paused")
      .filter({ hasText: "Призупинено після 5 невдалих доставок поспіль" })
      .waitFor();
    await context.close();
  }, 120_000);

  it("builds an event's webhook requests on the wizard's step 2 with no English left", async () => {
    const seeded = await seedUserWithProject("kroky");
    const userText = ["Дзвінок у CRM", seeded.project.name, seeded.email];
    const context = await ukrainianContext(browser);
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Електронна пошта").fill(seeded.email);
    await page.getByLabel("Пароль").fill(seeded.password);
    await page.getByRole("button", { name: "Увійти" }).click();
    await page.waitForURL("**/projects/*/webhooks");

    await page.getByRole("link", { name: "Додати подію" }).click();
    await page.waitForURL("**/webhooks/new");
    await page.getByLabel("Назва", { exact: true }).fill("Дзвінок у CRM");
    await page.getByLabel("Подія", { exact: true }).selectOption("incoming.after_call");
    await page.getByRole("button", { name: "Далі: вебхук-запити" }).click();

    // A second request, a secret header and parameters of each kind on the first.
    await page.getByRole("button", { name: "Додати вебхук-запит" }).click();
    await page.getByRole("region", { name: "Запит 2", exact: true }).waitFor();
    const card = page.getByRole("region", { name: "Запит 1", exact: true });
    await card.getByLabel("Адреса", { exact: true }).fill("https://crm.example.com/hooks/calls");
    await card.getByRole("button", { name: "Додати заголовок" }).click();
    await card.getByLabel("Назва заголовка 2", { exact: true }).fill("X-Api-Key");
    await card.getByLabel("Значення заголовка 2", { exact: true }).fill("ключ-123");
    await card.getByRole("checkbox", { name: "Значення заголовка 2 секретне" }).check();
    expect(await card.getByText("Автоматично", { exact: true }).count()).toBe(1);

    await card.getByRole("button", { name: "Додати параметр" }).click();
    await card.getByLabel("Назва параметра 1", { exact: true }).fill("call_id");
    await card.getByLabel("Значення параметра 1", { exact: true }).fill("{{uniqueid}}");
    await card.getByRole("button", { name: "Додати параметр" }).click();
    await card.getByLabel("Назва параметра 2", { exact: true }).fill("client");
    await card.getByLabel("Тип параметра 2", { exact: true }).selectOption("object");
    await card.getByText("Об’єкт · 0 полів").waitFor();
    await card.getByText("Полів ще немає: об’єкт надсилається порожнім.").waitFor();
    const body = card.getByTestId("preview-body");
    await body.waitFor();
    await card.getByRole("tab", { name: "HTTP-запит" }).waitFor();
    expect(await card.getByText(/спроб: \d+, з наростанням/).count()).toBe(1);
    expect(await englishLeftIn(page, userText)).toEqual([]);
    await page.screenshot({ path: path.join(DOCS_DIR, "uk-wizard.png"), fullPage: true });

    // A name that needs braces and a variable no call carries: the fields, the notice above the
    // wizard and the preview say so.
    await card.getByRole("button", { name: "Додати параметр" }).click();
    await card.getByLabel("Назва параметра 3", { exact: true }).fill("назва клієнта");
    await card.getByLabel("Значення параметра 3", { exact: true }).fill("{{nonexistent}}");
    await card.getByText("невідома змінна {{nonexistent}}").first().waitFor();
    await card.getByRole("button", { name: "Взяти в {{ }}" }).waitFor();
    await page
      .getByRole("heading", {
        name: "Подія «Вхідний дзвінок: після дзвінка» не містить змінної, яку використовують ці запити",
      })
      .waitFor();
    await page.getByText("Запит 1 · параметр 3 значення").first().waitFor();

    await card
      .getByText(
        "назва клієнта: використовуйте латинські літери, цифри, _ - . або візьміть назву в {{ }}",
      )
      .first()
      .waitFor();
    await card
      .getByRole("status")
      .filter({ hasText: /Параметр 3 (назва|значення): / })
      .waitFor();
    expect(await englishLeftIn(page, userText)).toEqual([]);
    await context.close();
  });

  it("words the forms' validation messages in Ukrainian: limits, ranges, empty fields, a bad email", async () => {
    const seeded = await seedUserWithProject("pravyla");
    const projectId = seeded.project.id;
    const userText = [seeded.project.name, seeded.email];
    const context = await ukrainianContext(browser);
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Електронна пошта").fill(seeded.email);
    await page.getByLabel("Пароль").fill(seeded.password);
    await page.getByRole("button", { name: "Увійти" }).click();
    await page.waitForURL("**/projects/*/webhooks");

    // The wizard's step 1: a name over its limit and no moment chosen.
    await page.getByRole("link", { name: "Додати подію" }).click();
    await page.waitForURL("**/webhooks/new");
    const longName = "Дзвінок у CRM після розмови ".repeat(4);
    await page.getByLabel("Назва", { exact: true }).fill(longName);
    await page.getByRole("button", { name: "Далі: вебхук-запити" }).click();
    await page.getByText("скоротіть до 100 символів", { exact: true }).waitFor();
    await page.getByText("виберіть тип події", { exact: true }).waitFor();
    expect(await latinIn(shownErrors(page))).toEqual([]);
    expect(await englishLeftIn(page, [...userText, longName.trim()])).toEqual([]);

    // Step 2: a timeout and attempts out of range, an empty limit and a rate past its own.
    await page.getByLabel("Назва", { exact: true }).fill("Дзвінок у CRM");
    await page.getByLabel("Подія", { exact: true }).selectOption("incoming.after_call");
    await page.getByRole("button", { name: "Далі: вебхук-запити" }).click();
    const card = page.getByRole("region", { name: "Запит 1", exact: true });
    await card.getByLabel("Адреса", { exact: true }).fill("https://crm.example.com/hooks/calls");
    await card.getByText("Доставка", { exact: true }).click();
    await card.getByLabel("Тайм-аут, с", { exact: true }).fill("45");
    await card.getByLabel("Спроби", { exact: true }).fill("11");
    await card.getByLabel("Запитів одночасно", { exact: true }).fill("");
    await card.getByLabel("Запитів за секунду", { exact: true }).fill("5000");
    await page.getByRole("button", { name: "Зберегти подію" }).click();
    await card.getByText("вкажіть не більше 30 с", { exact: true }).waitFor();
    await card.getByText("вкажіть від 1 до 10 спроб", { exact: true }).waitFor();
    await card.getByText("вкажіть число", { exact: true }).waitFor();
    // 1000 is written the Ukrainian way, with a space between the thousands.
    await card
      .getByText(/^вкажіть від 1 до 1\s000 за секунду або залиште без обмеження$/)
      .waitFor();
    expect(await latinIn(shownErrors(page))).toEqual([]);
    // The open delivery options name the signing headers and their standard: data, not prose.
    const signing = ["webhook-id", "webhook-timestamp", "webhook-signature", "Standard Webhooks"];
    expect(await englishLeftIn(page, [...userText, ...signing])).toEqual([]);
    await card.getByText("Доставка", { exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(DOCS_DIR, "uk-wizard-validation.png") });

    // The invite form: an address that is none.
    // A full page load: the forms answer once the page has hydrated.
    await page.goto(`/projects/${projectId}/members`, { waitUntil: "networkidle" });
    await page.getByLabel("Електронна пошта", { exact: true }).fill("колега-без-адреси");
    await page.getByRole("button", { name: "Створити посилання-запрошення" }).click();
    await page
      .getByText("Введіть правильну адресу електронної пошти, наприклад admin@example.com", {
        exact: true,
      })
      .waitFor();
    expect(await latinIn(shownErrors(page))).toEqual([]);
    expect(await englishLeftIn(page, userText)).toEqual([]);

    // Project settings: an empty name and a GA4 id of the wrong shape.
    await page.goto(`/projects/${projectId}/settings`, { waitUntil: "networkidle" });
    await page.getByLabel("Назва проєкту", { exact: true }).fill("");
    await page.getByLabel("Ідентифікатор потоку даних GA4", { exact: true }).fill("UA-12345");
    await page.getByRole("button", { name: "Зберегти налаштування" }).click();
    await page.getByText("Введіть назву проєкту", { exact: true }).waitFor();
    await page
      .getByText("Ідентифікатор потоку даних GA4 має вигляд G-XXXXXXXXXX", { exact: true })
      .waitFor();
    expect(await latinIn(shownErrors(page))).toEqual([]);
    const db = await useAppDatabase();
    const keys = await db.apiKey.findMany({ where: { projectId }, select: { name: true } });
    expect(await englishLeftIn(page, [...userText, ...keys.map((k) => k.name)])).toEqual([]);
    await page.screenshot({ path: path.join(DOCS_DIR, "uk-settings-validation.png") });
    // Refused in the browser: nothing reached the database.
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.name).toBe(seeded.project.name);
    expect(await db.webhookEvent.count({ where: { projectId, name: "Дзвінок у CRM" } })).toBe(0);
    expect(await db.invite.count({ where: { projectId } })).toBe(0);
    await context.close();
  });
});

describe("moments in Ukrainian, in the project's time zone", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("writes dates day first with dots, at the project's hour, not the server's", async () => {
    const seeded = await seedUserWithProject("chas");
    const projectId = seeded.project.id;
    const db = await useAppDatabase();
    // 22:30 UTC is 18:30 in New York (summer time began that morning) but 00:30 next day in
    // Kyiv, the default zone: only the project's zone gives 08.03.2026, 18:30.
    const at = new Date("2026-03-08T22:30:00Z");
    await db.user.update({ where: { id: seeded.user.id }, data: { locale: "uk" } });
    await db.project.update({ where: { id: projectId }, data: { timeZone: "America/New_York" } });
    await db.membership.updateMany({ where: { projectId }, data: { createdAt: at } });
    await db.apiKey.update({ where: { id: seeded.apiKeyId }, data: { createdAt: at } });
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const event = await createWebhookEvent(projectId, {
      name: "Дзвінок у CRM",
      type: "incoming.after_call",
      requests: [{ url: "https://crm.example.com/hooks/calls", method: "POST" }],
    });
    await db.webhookRequest.updateMany({
      where: { eventId: event.id },
      data: { pausedAt: at, pausedReason: "Paused after 50 failed deliveries in a row" },
    });

    const context = await ukrainianContext(browser);
    const page = await context.newPage();
    // The server's HTML and the browser's render must write the same date: React reports a
    // mismatch as error #418 (hydration) in the production build.
    const reactErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /#418|#423|#425|hydrat/i.test(message.text())) {
        reactErrors.push(message.text());
      }
    });
    page.on("pageerror", (error) => reactErrors.push(error.message));
    await page.goto("/login");
    await page.getByLabel("Електронна пошта").fill(seeded.email);
    await page.getByLabel("Пароль").fill(seeded.password);
    await page.getByRole("button", { name: "Увійти" }).click();
    await page.waitForURL("**/projects/*/webhooks");

    await page.goto(`/projects/${projectId}/members`);
    const member = page.getByTestId("member-row").filter({ hasText: seeded.email });
    expect(await member.innerText()).toContain("08.03.2026, 18:30");
    await page.screenshot({ path: path.join(DOCS_DIR, "uk-members-dates.png") });

    await page.goto(`/projects/${projectId}/settings`);
    const key = page.getByTestId("api-key-row").filter({ hasText: "chas key" });
    expect(await key.innerText()).toContain("08.03.2026, 18:30");
    expect(await key.innerText()).not.toContain("2026-03-08");

    // next-intl's own formatting (the paused note) takes the project's zone from its layout.
    await page.goto(`/projects/${projectId}/webhooks/${event.id}`);
    await page.getByRole("button", { name: /Крок 2/ }).click();
    const paused = page.getByTestId("request-paused");
    await paused.waitFor();
    expect(await paused.innerText()).toContain("8 бер. 2026 р., 18:30");
    await page.screenshot({ path: path.join(DOCS_DIR, "uk-paused-date.png") });
    expect(reactErrors).toEqual([]);
    await context.close();
  });
});
