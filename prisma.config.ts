import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

const PROJECT_ROOT = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_DATABASE_URL = "file:./data/webhooks.db";

// The native schema engine is a CDN download this network cannot reach; our shim runs the
// same engine as WebAssembly. An explicitly set binary still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  PROJECT_ROOT,
  "scripts/prisma-engine/schema-engine.mjs",
);

// A relative SQLite path must not depend on the directory `prisma` happens to be run from, and
// SQLite cannot create the missing folder itself.
function resolveSqliteUrl(url: string): string {
  if (!url.startsWith("file:")) return url;
  const [location = "", query] = url.slice("file:".length).split("?", 2);
  if (location === ":memory:") return url;
  const filePath = location.startsWith("//")
    ? fileURLToPath(`file:${location}`)
    : path.resolve(PROJECT_ROOT, location);
  mkdirSync(path.dirname(filePath), { recursive: true });
  return `file:${filePath}${query === undefined ? "" : `?${query}`}`;
}

const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
// One model, two engines: a postgresql:// URL selects the schema generated for PostgreSQL and
// its own migration history; anything else is the SQLite default.
const engineDir = /^postgres(ql)?:\/\//.test(databaseUrl) ? "prisma/postgresql" : "prisma";

export default defineConfig({
  schema: path.join(PROJECT_ROOT, engineDir, "schema.prisma"),
  migrations: { path: path.join(PROJECT_ROOT, engineDir, "migrations") },
  datasource: { url: resolveSqliteUrl(databaseUrl) },
});
