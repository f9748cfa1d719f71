// SQLite: applies prisma/migrations at start-up, so a fresh checkout needs no manual database step.
// It writes `_prisma_migrations` exactly as Prisma Migrate does, so `prisma migrate status`
// and `prisma migrate deploy` agree with it afterwards. Synchronous better-sqlite3 on purpose:
// it runs before the app serves anything, and it needs neither the schema engine nor wasm.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  assertHistoryIntact,
  type MigrationFile,
  type MigrationResult,
  parseRecordedMigrations,
  type RecordedMigration,
  readMigrationFiles,
} from "./migration-files";

export type { MigrationResult } from "./migration-files";

// Prisma's own DDL for SQLite, byte for byte, so the table is indistinguishable from one the
// schema engine created.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

// Prisma stores RFC 3339 with an explicit offset, not the `Z` that toISOString gives.
function formatTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

export const SELECT_RECORDED_MIGRATIONS = `SELECT migration_name, checksum, finished_at
  FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`;

function readRecordedMigrations(db: Database.Database): Map<string, RecordedMigration> {
  return parseRecordedMigrations(db.prepare(SELECT_RECORDED_MIGRATIONS).all());
}

function applyMigration(db: Database.Database, migration: MigrationFile): boolean {
  // IMMEDIATE takes the write lock before re-reading, so two processes starting at once
  // cannot both apply the same migration.
  const apply = db.transaction((): boolean => {
    const done = db
      .prepare(
        `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND rolled_back_at IS NULL`,
      )
      .get(migration.name);
    if (done) return false;
    const startedAt = formatTimestamp(new Date());
    db.exec(migration.script);
    // Table redefinitions run with foreign keys off; prove they left no dangling reference.
    const violations = db.prepare("PRAGMA foreign_key_check").all();
    if (violations.length > 0) {
      throw new Error(`Migration "${migration.name}" leaves foreign key violations`);
    }
    db.prepare(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    ).run(randomUUID(), migration.checksum, formatTimestamp(new Date()), migration.name, startedAt);
    return true;
  });
  return apply.immediate();
}

export function applyPendingMigrations(
  databaseFile: string,
  migrationsDir: string,
): MigrationResult {
  const files = readMigrationFiles(migrationsDir);
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  const db = new Database(databaseFile);
  try {
    // journal_mode persists in the file; synchronous is per connection, so the app's own
    // connections must set it as well.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec(CREATE_MIGRATIONS_TABLE.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"));
    const recorded = readRecordedMigrations(db);
    assertHistoryIntact(recorded, files);

    // Prisma's SQLite scripts switch foreign keys off around table redefinitions, but that
    // PRAGMA is ignored inside a transaction: without this a redefined parent table would
    // cascade-delete its children. better-sqlite3 turns foreign keys on by default.
    const foreignKeys = db.pragma("foreign_keys", { simple: true });
    db.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    try {
      for (const migration of files) {
        if (recorded.has(migration.name)) continue;
        try {
          if (applyMigration(db, migration)) applied.push(migration.name);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(`Migration "${migration.name}" failed and was rolled back: ${reason}`, {
            cause: error,
          });
        }
      }
    } finally {
      db.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
    }
    return { applied };
  } finally {
    db.close();
  }
}
