// The PostgreSQL migration history: no drift from its (generated) schema, and start-up
// migration that ten processes can run at once.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyPendingPostgresMigrations } from "@/lib/db/migrations-postgres";
import {
  createScratchDatabase,
  dropScratchDatabase,
  TEST_POSTGRES_URL,
} from "../helpers/postgres-server";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PRISMA_CLI = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
const SCHEMA = path.join(ROOT, "prisma", "postgresql", "schema.prisma");
const MIGRATIONS = path.join(ROOT, "prisma", "postgresql", "migrations");
const CLI_TIMEOUT_MS = 60_000;

const scratch = mkdtempSync(path.join(tmpdir(), "webhooks-pg-migrations-"));
const databases: string[] = [];
afterAll(async () => {
  for (const name of databases) await dropScratchDatabase(name);
  rmSync(scratch, { recursive: true, force: true });
});

async function freshDatabase(): Promise<string> {
  const { name, url } = await createScratchDatabase("migrate");
  databases.push(name);
  return url;
}

type CliResult = { code: number; output: string };

function runPrisma(args: string[], databaseUrl: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: "1" },
        timeout: CLI_TIMEOUT_MS,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

// The diff replays the history on a shadow database the shim creates (and drops) on the server.
function diffMigrationsAgainst(schemaFile: string): Promise<CliResult> {
  return runPrisma(
    ["migrate", "diff", "--from-migrations", MIGRATIONS, "--to-schema", schemaFile, "--exit-code"],
    TEST_POSTGRES_URL,
  );
}

function migrationNames(): string[] {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

describe("prisma/postgresql/migrations", () => {
  it(
    "matches prisma/postgresql/schema.prisma (drift check)",
    async () => {
      const result = await diffMigrationsAgainst(SCHEMA);
      expect(
        result.code,
        "prisma/postgresql/schema.prisma and its migrations differ. Create the PostgreSQL " +
          `migration with \`npm run db:new-migration:postgres -- <name>\`.\n${result.output}`,
      ).toBe(0);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "drift check fails when the schema gains a column no migration creates",
    async () => {
      const schema = readFileSync(SCHEMA, "utf8");
      const drifted = schema.replace(/^(model\s+\w+\s*\{)$/m, "$1\n  driftCheckProbe String?");
      const driftedSchema = path.join(scratch, "schema.prisma");
      writeFileSync(driftedSchema, drifted);

      const result = await diffMigrationsAgainst(driftedSchema);

      expect(result.code, result.output).toBe(2);
      expect(result.output).toContain("Added column `driftCheckProbe`");
    },
    CLI_TIMEOUT_MS,
  );
});

describe("applyPendingPostgresMigrations", () => {
  it(
    "ten appliers starting at once on a fresh database, a connection each as ten processes would: exactly one applies",
    async () => {
      const url = await freshDatabase();

      const results = await Promise.all(
        Array.from({ length: 10 }, () => applyPendingPostgresMigrations(url, MIGRATIONS)),
      );

      const appliers = results.filter((result) => result.applied.length > 0);
      expect(appliers).toEqual([{ applied: migrationNames() }]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name',
      );
      await client.end();
      expect(rows.map((row) => row.migration_name)).toEqual(migrationNames());

      const status = await runPrisma(["migrate", "status"], url);
      expect(status.code, status.output).toBe(0);
      expect(status.output).toContain("Database schema is up to date!");
    },
    CLI_TIMEOUT_MS,
  );

  it("refuses a history whose recorded migration failed", async () => {
    const url = await freshDatabase();
    await applyPendingPostgresMigrations(url, MIGRATIONS);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('UPDATE "_prisma_migrations" SET finished_at = NULL');
    await client.end();

    await expect(applyPendingPostgresMigrations(url, MIGRATIONS)).rejects.toThrow(
      new RegExp(`Migration "${migrationNames()[0]}" failed or is still running`),
    );
  });
});
