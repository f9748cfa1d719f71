// Import this first in a test file: it points the app's configuration at a new SQLite file
// with every migration applied, before any lib/ module reads the configuration.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { applyPendingMigrations } from "@/lib/db/migrations";

const directory = mkdtempSync(path.join(tmpdir(), "webhooks-test-"));
export const TEST_DATABASE_FILE = path.join(directory, "test.db");
export const TEST_GA_ENDPOINT = "http://127.0.0.1:9/ga";

process.env.DATABASE_URL = `file:${TEST_DATABASE_FILE}`;
process.env.GA_ENDPOINT = TEST_GA_ENDPOINT;
process.env.LOGIN_ATTEMPTS_PER_MINUTE = "5";

applyPendingMigrations(TEST_DATABASE_FILE, path.resolve("prisma/migrations"));

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
  rmSync(directory, { recursive: true, force: true });
});
