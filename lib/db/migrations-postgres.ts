// PostgreSQL: applies prisma/postgresql/migrations at start-up, writing `_prisma_migrations`
// as Prisma Migrate does. Every web and worker process calls this when it starts, so the work
// runs under a session advisory lock: ten processes starting at once migrate once, the other
// nine wait and then find nothing left to do. The key is the one `prisma migrate deploy` takes,
// so a deploy step and a starting process exclude each other too.
import { randomUUID } from "node:crypto";
import pg from "pg";
import {
  assertHistoryIntact,
  type MigrationResult,
  parseRecordedMigrations,
  readMigrationFiles,
} from "./migration-files";

export const MIGRATION_LOCK_KEY = 72707369;

// Prisma's own DDL for PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

const SELECT_RECORDED = `SELECT migration_name, checksum, finished_at
  FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`;

export async function applyPendingPostgresMigrations(
  url: string,
  migrationsDir: string,
): Promise<MigrationResult> {
  const files = readMigrationFiles(migrationsDir);
  const client = new pg.Client({ connectionString: url, application_name: "webhooks-migrate" });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const recorded = parseRecordedMigrations((await client.query(SELECT_RECORDED)).rows);
      assertHistoryIntact(recorded, files);
      const applied: string[] = [];
      for (const migration of files) {
        if (recorded.has(migration.name)) continue;
        const startedAt = new Date();
        // PostgreSQL DDL is transactional: a failing script leaves nothing half-applied.
        await client.query("BEGIN");
        try {
          await client.query(migration.script);
          await client.query(
            `INSERT INTO "_prisma_migrations"
               (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
            [randomUUID(), migration.checksum, migration.name, startedAt],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`Migration "${migration.name}" failed and was rolled back: ${reason}`, {
            cause: error,
          });
        }
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
