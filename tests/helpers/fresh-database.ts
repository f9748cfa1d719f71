// Import this first in a test file: it points the app's configuration at a new database with
// every migration applied, before any lib/ module reads the configuration. TEST_ENGINE picks
// the engine: a SQLite file in a temporary folder by default, or with TEST_ENGINE=postgres a
// uniquely named database on the test PostgreSQL server, dropped when the file is done.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { applyPendingMigrations } from "@/lib/db/migrations";
import { applyPendingPostgresMigrations } from "@/lib/db/migrations-postgres";
import { TEST_ENCRYPTION_KEY } from "./encryption-key";
import { createScratchDatabase, dropScratchDatabase } from "./postgres-server";

export const TEST_ENGINE = process.env.TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
export const TEST_GA_ENDPOINT = "http://127.0.0.1:9/ga";

const directory = mkdtempSync(path.join(tmpdir(), "webhooks-test-"));
/** The SQLite file of this test file (unused on PostgreSQL). */
export const TEST_DATABASE_FILE = path.join(directory, "test.db");

const postgres = TEST_ENGINE === "postgres" ? await createScratchDatabase() : undefined;
/** What DATABASE_URL is for this test file, on either engine. */
export const TEST_DATABASE_URL = postgres?.url ?? `file:${TEST_DATABASE_FILE}`;

process.env.DATABASE_URL = TEST_DATABASE_URL;
process.env.GA_ENDPOINT = TEST_GA_ENDPOINT;
process.env.APP_ENCRYPTION_KEY = TEST_ENCRYPTION_KEY;
process.env.LOGIN_ATTEMPTS_PER_MINUTE = "5";

if (postgres) {
  await applyPendingPostgresMigrations(postgres.url, path.resolve("prisma/postgresql/migrations"));
} else {
  applyPendingMigrations(TEST_DATABASE_FILE, path.resolve("prisma/migrations"));
}

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  const { closePostgresPools } = await import("@/lib/db/postgres-pool");
  await db.$disconnect();
  await closePostgresPools();
  if (postgres) await dropScratchDatabase(postgres.name);
  rmSync(directory, { recursive: true, force: true });
});
