import path from "node:path";
import { type DatabaseEngine, databaseEngine, databaseFile, env } from "../env";
import { logger } from "../observability/logger";
import { applyPendingMigrations } from "./migrations";
import { applyPendingPostgresMigrations } from "./migrations-postgres";

/** Each engine keeps its own migration history beside its schema. */
export function migrationsDirectory(engine: DatabaseEngine = databaseEngine()): string {
  const root = path.join(/* turbopackIgnore: true */ process.cwd(), "prisma");
  return engine === "postgresql"
    ? path.join(root, "postgresql", "migrations")
    : path.join(root, "migrations");
}

/**
 * Brings the database up to the current schema before the process takes requests or work.
 * On SQLite it finishes synchronously; on PostgreSQL it waits for the migration lock.
 */
export async function prepareDatabase(): Promise<void> {
  const url = env().DATABASE_URL;
  const engine = databaseEngine(url);
  const { applied } =
    engine === "postgresql"
      ? await applyPendingPostgresMigrations(url, migrationsDirectory(engine))
      : applyPendingMigrations(databaseFile(url), migrationsDirectory(engine));
  if (applied.length > 0) {
    const database = engine === "postgresql" ? "postgresql" : databaseFile(url);
    logger().info({ engine, database, applied }, `applied ${applied.length} migration(s)`);
  }
}
