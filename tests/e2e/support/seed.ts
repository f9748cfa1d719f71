import type { Page } from "playwright-core";
import { inject } from "vitest";
import { TEST_ENCRYPTION_KEY } from "../../helpers/encryption-key";

/**
 * Arranges data directly in the app's database, for what no page creates yet (a second user)
 * or what a test should not spend a journey on. The app and the tests share the SQLite file.
 */
export async function useAppDatabase() {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.GA_ENDPOINT = inject("receiverUrl");
  // The app's key (global-setup.ts), so what this process seals the app opens, and back.
  process.env.APP_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
  return (await import("@/lib/db/client")).db;
}

export async function seedUserWithProject(label: string) {
  await useAppDatabase();
  const { createUserWithProject } = await import("../../helpers/factories");
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const created = await createUserWithProject(label);
  const { key, apiKey } = await createApiKey(created.project.id, { name: `${label} key` });
  return { ...created, key, apiKeyId: apiKey.id };
}

export async function logIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/projects/*/webhooks");
}

export async function disconnectAppDatabase() {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
}
