import path from "node:path";
import { databaseFile } from "../env";
import { applyPendingMigrations } from "./migrations";

/** Brings the database up to the current schema before the server takes requests. */
export function prepareDatabase(): void {
  const file = databaseFile();
  const { applied } = applyPendingMigrations(
    file,
    path.join(/* turbopackIgnore: true */ process.cwd(), "prisma", "migrations"),
  );
  if (applied.length > 0) {
    console.info(`Database ${file}: applied ${applied.length} migration(s): ${applied.join(", ")}`);
  }
}
