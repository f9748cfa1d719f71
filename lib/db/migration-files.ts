// What both engines' start-up migrators share: reading a migrations folder the way Prisma
// Migrate does, and its refusals when the recorded history no longer matches the files.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const MIGRATION_FILE = "migration.sql";

export type MigrationFile = { name: string; script: string; checksum: string };

/** A `_prisma_migrations` row as either engine's driver returns it. */
const recordedMigrationSchema = z.object({
  migration_name: z.string(),
  checksum: z.string(),
  finished_at: z.union([z.string(), z.date(), z.null()]),
});

export type RecordedMigration = z.infer<typeof recordedMigrationSchema>;

export function parseRecordedMigrations(rows: unknown): Map<string, RecordedMigration> {
  const parsed = z.array(recordedMigrationSchema).parse(rows);
  return new Map(parsed.map((row) => [row.migration_name, row]));
}

export type MigrationResult = { applied: string[] };

export function hashScript(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

// A checkout with CRLF line endings must not look like an edited migration.
function matchesChecksum(recorded: string, script: string): boolean {
  return recorded === hashScript(script) || recorded === hashScript(script.replace(/\r\n/g, "\n"));
}

export function readMigrationFiles(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) {
    throw new Error(`Migrations directory not found: ${migrationsDir}`);
  }
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b)) // the order Prisma's CLI lists them in
    .map((name) => {
      const file = path.join(migrationsDir, name, MIGRATION_FILE);
      if (!existsSync(file)) throw new Error(`Migration "${name}" has no ${MIGRATION_FILE}`);
      const script = readFileSync(file, "utf8");
      return { name, script, checksum: hashScript(script) };
    });
}

// Same refusals as `prisma migrate deploy`: an edited or half-applied history needs a human.
export function assertHistoryIntact(
  recorded: Map<string, RecordedMigration>,
  files: MigrationFile[],
): void {
  for (const row of recorded.values()) {
    if (row.finished_at === null) {
      throw new Error(
        `Migration "${row.migration_name}" failed or is still running in this database; ` +
          "resolve it with `prisma migrate resolve` before starting the app.",
      );
    }
  }
  for (const file of files) {
    const row = recorded.get(file.name);
    if (row && !matchesChecksum(row.checksum, file.script)) {
      throw new Error(
        `Migration "${file.name}" was modified after it was applied to this database ` +
          "(checksum mismatch); restore the original migration.sql or reset the database.",
      );
    }
  }
}

/** Names of the migration files not yet recorded as applied. */
export function pendingMigrationNames(
  recorded: Map<string, RecordedMigration>,
  files: MigrationFile[],
): string[] {
  return files.filter((file) => !recorded.has(file.name)).map((file) => file.name);
}
