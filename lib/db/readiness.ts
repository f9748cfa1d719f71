// What a load balancer's readiness probe asks: can this process reach its database, and does
// the database carry every migration this version ships? A process of a new version started
// before the migration step reports not ready instead of serving queries against old tables.
import { databaseEngine } from "../env";
import { db } from "./client";
import { parseRecordedMigrations, readMigrationFiles } from "./migration-files";
import { migrationsDirectory } from "./startup";

export type Readiness = { ready: true } | { ready: false; reason: string };

let shippedMigrations: string[] | undefined;

function migrationsThisVersionShips(): string[] {
  shippedMigrations ??= readMigrationFiles(migrationsDirectory(databaseEngine())).map(
    (file) => file.name,
  );
  return shippedMigrations;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").find((line) => line.trim() !== "") ?? "unknown error";
}

export async function checkReadiness(): Promise<Readiness> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    return { ready: false, reason: `database unreachable: ${describe(error)}` };
  }
  let recorded: ReturnType<typeof parseRecordedMigrations>;
  try {
    recorded = parseRecordedMigrations(
      await db.$queryRawUnsafe(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
         WHERE rolled_back_at IS NULL`,
      ),
    );
  } catch (error) {
    return { ready: false, reason: `migrations not applied: ${describe(error)}` };
  }
  const pending = migrationsThisVersionShips().filter(
    (name) => recorded.get(name)?.finished_at == null,
  );
  if (pending.length > 0) {
    return { ready: false, reason: `migrations not applied: ${pending.join(", ")}` };
  }
  return { ready: true };
}
