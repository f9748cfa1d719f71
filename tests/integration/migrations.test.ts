import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { applyPendingMigrations } from "@/lib/db/migrations";
import {
  POSTGRESQL_SCHEMA,
  renderPostgresqlSchema,
  SQLITE_SCHEMA,
} from "../../prisma/postgresql-schema.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PRISMA_CLI = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
const SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const CLI_TIMEOUT_MS = 30_000;

const scratch = mkdtempSync(path.join(tmpdir(), "webhooks-migrations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function makeTempDir(name: string): string {
  return mkdtempSync(path.join(scratch, `${name}-`));
}

type CliResult = { code: number; output: string };

// Runs the real Prisma CLI (through prisma.config.ts and our schema-engine shim), never
// against the developer's own database.
function runPrisma(args: string[], databaseFile: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, NO_COLOR: "1" },
        timeout: CLI_TIMEOUT_MS,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

function diffMigrationsAgainst(schemaFile: string, databaseFile: string): Promise<CliResult> {
  return runPrisma(
    ["migrate", "diff", "--from-migrations", MIGRATIONS, "--to-schema", schemaFile, "--exit-code"],
    databaseFile,
  );
}

function readModelTableNames(schema: string): string[] {
  const blocks = schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm);
  return [...blocks].map(
    ([, name = "", body = ""]) => /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name,
  );
}

function readTableNames(databaseFile: string): string[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    return rows.map((row) => row.name);
  } finally {
    db.close();
  }
}

function copyMigrations(): string {
  const copy = path.join(makeTempDir("migrations"), "migrations");
  cpSync(MIGRATIONS, copy, { recursive: true });
  return copy;
}

describe("prisma/migrations", () => {
  it(
    "matches prisma/schema.prisma (drift check)",
    async () => {
      const result = await diffMigrationsAgainst(SCHEMA, path.join(makeTempDir("drift"), "x.db"));
      expect(
        result.code,
        "prisma/schema.prisma and prisma/migrations differ. Create a migration for your schema " +
          `change with \`npm run db:new-migration -- <name>\` and commit it.\n${result.output}`,
      ).toBe(0);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    "drift check fails when the schema gains a column no migration creates",
    async () => {
      const dir = makeTempDir("drifted-schema");
      const schema = readFileSync(SCHEMA, "utf8");
      const [modelLine] = /^model\s+\w+\s*\{$/m.exec(schema) ?? [];
      expect(modelLine, "schema.prisma has no model to alter").toBeDefined();
      const drifted = schema.replace(`${modelLine}`, `${modelLine}\n  driftCheckProbe String?`);
      const driftedSchema = path.join(dir, "schema.prisma");
      writeFileSync(driftedSchema, drifted);

      const result = await diffMigrationsAgainst(driftedSchema, path.join(dir, "x.db"));

      expect(result.code, result.output).toBe(2);
      expect(result.output).toContain("Added column `driftCheckProbe`");
    },
    CLI_TIMEOUT_MS,
  );
});

/** The models a generated client was built from, as the client itself carries them. */
function readClientDataModel(clientDir: string): unknown {
  const source = readFileSync(
    path.join(ROOT, "lib", "generated", clientDir, "internal", "class.ts"),
    "utf8",
  );
  const [, literal] =
    /config\.runtimeDataModel = JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(source) ?? [];
  expect(literal, `lib/generated/${clientDir} carries no data model`).toBeDefined();
  return JSON.parse(JSON.parse(literal ?? '""'));
}

describe("one model, two engines", () => {
  it("prisma/postgresql/schema.prisma is generated from prisma/schema.prisma and up to date", () => {
    expect(
      readFileSync(POSTGRESQL_SCHEMA, "utf8"),
      "prisma/postgresql/schema.prisma is stale: run `npm run db:schemas`, then create the " +
        "PostgreSQL migration too (see docs/deploy.md)",
    ).toBe(renderPostgresqlSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("gives timestamps a zone and keeps every model on PostgreSQL", () => {
    const postgres = readFileSync(POSTGRESQL_SCHEMA, "utf8");
    expect(postgres).toContain('provider = "postgresql"');
    expect(postgres).toMatch(
      /^\s+createdAt\s+DateTime\s+@default\(now\(\)\) @db\.Timestamptz\(3\)$/m,
    );
    expect(readModelTableNames(postgres)).toEqual(
      readModelTableNames(readFileSync(SCHEMA, "utf8")),
    );
  });

  it("both generated clients describe the same models, field by field", () => {
    const sqlite = readClientDataModel("prisma");
    expect(sqlite).toHaveProperty("models.Delivery");
    expect(
      readClientDataModel("postgresql"),
      "the generated clients differ: run `npm run postinstall` to regenerate both",
    ).toEqual(sqlite);
  });
});

describe("applyPendingMigrations", () => {
  it(
    "creates every table on a fresh file, is idempotent, and Prisma agrees it is up to date",
    async () => {
      const databaseFile = path.join(makeTempDir("fresh"), "nested", "app.db");
      const migrationNames = readdirSync(MIGRATIONS, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort((a, b) => a.localeCompare(b));

      expect(applyPendingMigrations(databaseFile, MIGRATIONS)).toEqual({ applied: migrationNames });
      expect(applyPendingMigrations(databaseFile, MIGRATIONS)).toEqual({ applied: [] });

      const tables = readTableNames(databaseFile);
      for (const table of readModelTableNames(readFileSync(SCHEMA, "utf8"))) {
        expect(tables).toContain(table);
      }
      const db = new Database(databaseFile, { readonly: true });
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      db.close();

      const status = await runPrisma(["migrate", "status"], databaseFile);
      expect(status.code, status.output).toBe(0);
      expect(status.output).toContain("Database schema is up to date!");
    },
    CLI_TIMEOUT_MS,
  );

  it("refuses a migration whose file changed after it was applied", () => {
    const migrationsDir = copyMigrations();
    const databaseFile = path.join(makeTempDir("tampered"), "app.db");
    applyPendingMigrations(databaseFile, migrationsDir);

    const [firstMigration = ""] = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort((a, b) => a.localeCompare(b));
    const script = path.join(migrationsDir, firstMigration, "migration.sql");
    writeFileSync(script, `${readFileSync(script, "utf8")}\n-- edited after deploy\n`);

    expect(() => applyPendingMigrations(databaseFile, migrationsDir)).toThrow(
      new RegExp(`Migration "${firstMigration}" was modified after it was applied`),
    );
  }, 10_000);

  it("refuses to continue after a recorded migration failed", () => {
    const databaseFile = path.join(makeTempDir("failed"), "app.db");
    applyPendingMigrations(databaseFile, MIGRATIONS);
    const db = new Database(databaseFile);
    const { migration_name: name } = db
      .prepare('SELECT migration_name FROM "_prisma_migrations" LIMIT 1')
      .get() as { migration_name: string };
    db.prepare('UPDATE "_prisma_migrations" SET finished_at = NULL').run();
    db.close();

    expect(() => applyPendingMigrations(databaseFile, MIGRATIONS)).toThrow(
      new RegExp(`Migration "${name}" failed`),
    );
  }, 10_000);
});
