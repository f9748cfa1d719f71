import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import en from "@/messages/en.json";
import uk from "@/messages/uk.json";
import { productionEnv } from "../helpers/built-app";
import { startAppServer } from "./support/app-server";
import { launchBrowser, VIEWPORT } from "./support/browser";
import { rawKeysIn } from "./support/english-left";
import { disconnectAppDatabase, seedUserWithProject, useAppDatabase } from "./support/seed";
import { expectUkrainian, forgiven } from "./support/ukrainian-check";

// Every page under app/ in English and in Ukrainian (the browser's language decides, as for a
// visitor or an admin who never chose one): English shows no message key in place of a message,
// Ukrainian no English sentence. Pages are shown empty here; 50-ukrainian and
// 51-ukrainian-journey show them holding data. Not a page of its own: app/page.tsx and
// projects/[id]/errors only redirect; webhooks/error.tsx shows when a page fails to load.

type Messages = typeof en;
type Visit = {
  name: string;
  path: string;
  heading: (m: Messages) => string;
  /** The heading holds more than `heading` (a badge). */
  partial?: boolean;
};
type Language = { code: "en" | "uk"; locale: string; messages: Messages };

const LANGUAGES: Language[] = [
  { code: "en", locale: "en-US", messages: en },
  { code: "uk", locale: "uk-UA", messages: uk },
];

async function visit(page: Page, target: Visit, language: Language, userText: string[]) {
  await page.goto(target.path);
  const heading = target.heading(language.messages);
  await page.getByRole("heading", { name: heading, exact: !target.partial }).first().waitFor();
  const where = `${target.name} (${language.code})`;
  expect.soft({ where, keys: await rawKeysIn(page) }).toEqual({ where, keys: [] });
  if (language.code === "uk") await expectUkrainian(page, target.name, userText);
  else expect(await page.locator("html").getAttribute("lang")).toBe("en");
}

describe("every page in English and in Ukrainian", () => {
  let browser: Browser;

  afterAll(async () => {
    await browser?.close();
    await disconnectAppDatabase();
    for (const { where, text } of forgiven)
      console.log(`[52] receiver data shown as sent on ${where}: ${text}`);
  });

  type Arranged = { seeded: Awaited<ReturnType<typeof seedUserWithProject>>; pages: Visit[] };
  const loner = { email: "pages-no-project@example.com", password: "correct horse loner 1" };
  let arranged: Arranged;
  let userText: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    const seeded = await seedUserWithProject("pages");
    const projectId = seeded.project.id;
    const db = await useAppDatabase();
    const { createWebhookEvent } = await import("@/lib/webhooks/service");
    const event = await createWebhookEvent(projectId, {
      name: "Дзвінок у CRM",
      type: "incoming.after_call",
      requests: [{ url: "https://crm.example.com/hooks", method: "POST", params: [] }],
    });
    const locked = await db.webhookEvent.findFirstOrThrow({ where: { projectId, locked: true } });
    const { hashPassword } = await import("@/lib/auth/password");
    await db.user.create({
      data: { email: loner.email, passwordHash: await hashPassword(loner.password) },
    });
    const base = `/projects/${projectId}`;
    const pages: Visit[] = [
      { name: "webhooks", path: `${base}/webhooks`, heading: (m) => m.webhooks.title },
      { name: "wizard: new", path: `${base}/webhooks/new`, heading: (m) => m.wizard.add },
      {
        name: "wizard: edit",
        path: `${base}/webhooks/${event.id}`,
        heading: (m) => m.wizard.edit.replace("{name}", event.name),
      },
      {
        name: "wizard: the locked default event",
        path: `${base}/webhooks/${locked.id}`,
        heading: () => locked.name,
        partial: true,
      },
      {
        name: "wizard: copy",
        path: `${base}/webhooks/new?copy=${event.id}&type=outgoing.after_call`,
        heading: (m) => m.wizard.copy,
      },
      { name: "error check", path: `${base}/webhooks/errors`, heading: (m) => m.errorCheck.title },
      {
        name: "delivery log",
        path: `${base}/webhooks/${event.id}/deliveries`,
        heading: (m) => m.deliveryLog.heading.replace("{event}", event.name),
      },
      { name: "simulator", path: `${base}/simulator`, heading: (m) => m.simulator.title },
      { name: "settings", path: `${base}/settings`, heading: (m) => m.settings.title },
      { name: "members", path: `${base}/members`, heading: (m) => m.members.title },
      { name: "not found", path: `${base}/nothing-here`, heading: (m) => m.notFound.title },
    ];
    arranged = { seeded, pages };
    userText = [event.name, locked.name, seeded.project.name, seeded.email, "pages key"];
  });

  for (const language of LANGUAGES) {
    it(`the pages an admin sees, signed in, in ${language.code}`, {
      timeout: 120_000,
    }, async () => {
      const context = await browser.newContext({
        baseURL: inject("baseURL"),
        viewport: VIEWPORT,
        locale: language.locale,
      });
      const page = await context.newPage();
      await signIn(page, arranged.seeded, language.messages);
      await page.waitForURL("**/projects/*/webhooks");
      for (const target of arranged.pages) await visit(page, target, language, userText);
      await context.close();

      // Someone signed in who belongs to no project.
      const lonely = await browser.newContext({
        baseURL: inject("baseURL"),
        viewport: VIEWPORT,
        locale: language.locale,
      });
      const lonelyPage = await lonely.newPage();
      await signIn(lonelyPage, loner, language.messages);
      await lonelyPage.waitForURL("**/no-project");
      const noProject = {
        name: "no project",
        path: "/no-project",
        heading: (m: Messages) => m.noProject.title,
      };
      await visit(lonelyPage, noProject, language, [loner.email]);
      await lonely.close();
    });
  }

  it("the pages a visitor sees, signed out: sign-in, invites, not found", {
    timeout: 90_000,
  }, async () => {
    const seeded = await seedUserWithProject("invites");
    const { createInvite } = await import("@/lib/auth/invites");
    const { token } = await createInvite(
      seeded.project.id,
      { role: "owner", userId: seeded.user.id },
      { email: "pages-invitee@example.com", role: "admin" },
    );
    const pages: Visit[] = [
      { name: "sign-in", path: "/login", heading: (m) => m.auth.login.title },
      {
        name: "invite",
        path: `/invite/${token}`,
        heading: (m) => m.auth.invite.join.replace("{project}", seeded.project.name),
      },
      {
        name: "invite: a link that cannot be used",
        path: "/invite/not-a-real-token",
        heading: (m) => m.auth.invite.unusable,
      },
      { name: "not found, signed out", path: "/nothing-here", heading: (m) => m.notFound.title },
    ];
    const userText = [seeded.project.name, "pages-invitee@example.com"];
    for (const language of LANGUAGES) {
      const context = await browser.newContext({
        baseURL: inject("baseURL"),
        viewport: VIEWPORT,
        locale: language.locale,
      });
      const page = await context.newPage();
      for (const target of pages) await visit(page, target, language, userText);
      await context.close();
    }
  });

  // The setup page shows only while no user exists: a second server on an empty database.
  it("the first administrator's setup page", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "e2e-setup-"));
    const server = await startAppServer({
      appDir: inject("appDir"),
      env: productionEnv({ DATABASE_URL: `file:${path.join(dataDir, "setup.db")}` }),
      logFile: path.join(process.cwd(), "test-results", "e2e-setup-server.log"),
    });
    try {
      const setup = { name: "setup", path: "/setup", heading: (m: Messages) => m.auth.setup.title };
      for (const language of LANGUAGES) {
        const context = await browser.newContext({
          baseURL: server.url,
          viewport: VIEWPORT,
          locale: language.locale,
        });
        await visit(await context.newPage(), setup, language, []);
        await context.close();
      }
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function signIn(page: Page, user: { email: string; password: string }, m: Messages) {
  await page.goto("/login");
  await page.getByLabel(m.auth.email).fill(user.email);
  await page.getByLabel(m.auth.password).fill(user.password);
  await page.getByRole("button", { name: m.auth.login.submit }).click();
}
