// Maps the native schema engine's JSON-RPC methods onto the wasm engine, papering over the
// places where the wasm build behaves differently from the native binary on SQLite.
import { existsSync } from "node:fs";
import path from "node:path";
import {
  ensureParentDir,
  isPostgresUrl,
  loadWasmModule,
  removeSqliteFile,
  resolveSqlitePath,
} from "./wasm-engine.mjs";

export class UserFacingError extends Error {
  constructor(errorCode, message, meta = {}) {
    super(message);
    this.code = errorCode;
    this.meta = meta;
  }
}

const EMPTY_FILTERS = { externalTables: [], externalEnums: [] };

function isMissingMigrationsTable(error) {
  return error?.code === "P1014" && String(error.message).includes("_prisma_migrations");
}

function assertDatabaseExists(databasePath) {
  if (databasePath === ":memory:" || existsSync(databasePath)) return;
  throw new UserFacingError(
    "P1003",
    `Database \`${path.basename(databasePath)}\` does not exist at \`${databasePath}\`.`,
    { database_file_name: path.basename(databasePath), database_file_path: databasePath },
  );
}

export async function createDatabaseFile(databasePath) {
  ensureParentDir(databasePath);
  if (!existsSync(databasePath)) {
    // Opening the file is how SQLite creates a database; close at once so no lock lingers.
    const { default: Database } = await import("better-sqlite3");
    new Database(databasePath).close();
  }
  return path.basename(databasePath);
}

export function checkDatabaseConnection(databasePath) {
  assertDatabaseExists(databasePath);
}

export function dropDatabaseFile(databasePath) {
  assertDatabaseExists(databasePath);
  removeSqliteFile(databasePath);
}

// The server-level commands for a postgresql:// URL: connect to the server's maintenance
// database to create or drop the one the URL names.
async function withServer(url, work) {
  const { default: pg } = await import("pg");
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1)) || "postgres";
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`;

async function postgresDatabaseExists(url) {
  return withServer(url, async (client, name) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return rowCount > 0;
  });
}

export async function runPostgresCliCommand(command, url) {
  if (command === "can-connect-to-database") {
    if (!(await postgresDatabaseExists(url))) {
      throw new UserFacingError(
        "P1003",
        `Database \`${new URL(url).pathname.slice(1)}\` does not exist.`,
      );
    }
  } else if (command === "create-database") {
    await withServer(url, async (client, name) => {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
        name,
      ]);
      if (rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    });
  } else if (command === "drop-database") {
    await withServer(url, (client, name) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
    );
  } else {
    throw new Error(`Unknown cli command: ${command}`);
  }
  return new URL(url).pathname.slice(1);
}

function urlFromDatasourceParam(param, fallbackUrl) {
  return param?.tag === "ConnectionString" && param.url ? param.url : fallbackUrl;
}

// The native engine answers these without the P1014 the wasm engine raises on a database that
// has no `_prisma_migrations` table yet: nothing is applied, so every migration is pending.
function diagnoseWithoutMigrationsTable(migrationsList) {
  const names = migrationsList.migrationDirectories.map((dir) => dir.path);
  return {
    editedMigrationNames: [],
    failedMigrationNames: [],
    hasMigrationsTable: false,
    history:
      names.length > 0 ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: names } : null,
  };
}

export function createRpcMethods({ handle, datasource, print }) {
  async function ensureMigrationsTable(migrationsList) {
    await (await handle.use()).applyMigrations({
      migrationsList: { ...migrationsList, migrationDirectories: [] },
      filters: EMPTY_FILTERS,
    });
  }

  // createMigration/evaluateDataLoss replay the history on a shadow database, but the wasm
  // engine only wires its shadow factory up during devDiagnostic or an opted-in
  // diagnoseMigrationHistory, and loses it again once applyMigrations has applied something.
  // An in-memory replay is cheap, so set it up right before every such call.
  async function primeShadowDatabase(input) {
    const diagnose = async () =>
      (await handle.use()).diagnoseMigrationHistory({
        migrationsList: input.migrationsList,
        optInToShadowDatabase: true,
        filters: input.filters ?? EMPTY_FILTERS,
      });
    try {
      await diagnose();
    } catch (error) {
      if (!isMissingMigrationsTable(error)) throw error;
      await ensureMigrationsTable(input.migrationsList);
      await diagnose();
    }
  }

  return {
    async devDiagnostic(input) {
      try {
        return await (await handle.use()).devDiagnostic(input);
      } catch (error) {
        if (!isMissingMigrationsTable(error)) throw error;
        // `migrate dev` applies migrations right after this call, which creates the table anyway.
        await ensureMigrationsTable(input.migrationsList);
        return (await handle.use()).devDiagnostic(input);
      }
    },
    async diagnoseMigrationHistory(input) {
      try {
        return await (await handle.use()).diagnoseMigrationHistory(input);
      } catch (error) {
        if (!isMissingMigrationsTable(error)) throw error;
        return diagnoseWithoutMigrationsTable(input.migrationsList);
      }
    },
    async evaluateDataLoss(input) {
      await primeShadowDatabase(input);
      return (await handle.use()).evaluateDataLoss(input);
    },
    async createMigration(input) {
      await primeShadowDatabase(input);
      return (await handle.use()).createMigration(input);
    },
    applyMigrations: async (input) => (await handle.use()).applyMigrations(input),
    markMigrationApplied: async (input) => (await handle.use()).markMigrationApplied(input),
    markMigrationRolledBack: async (input) => (await handle.use()).markMigrationRolledBack(input),
    schemaPush: async (input) => (await handle.use()).schemaPush(input),
    dbExecute: async (input) => (await handle.use()).dbExecute(input),
    introspect: async (input) => (await handle.use()).introspect(input),
    introspectSql: async (input) => (await handle.use()).introspectSql(input),
    async diff(input) {
      const liveTags = ["url", "schemaDatasource"];
      const mainDatabase = liveTags.includes(input.from?.tag) || liveTags.includes(input.to?.tag);
      const result = await (await handle.use({ mainDatabase })).diff(input);
      // The native engine prints through a `print` request to the CLI instead of returning text,
      // and `migrate diff` only writes what arrives that way.
      if (result.stdout) await print(result.stdout);
      return { exitCode: result.exitCode, stdout: null };
    },
    async reset() {
      await handle.recreateDatabase();
      return null;
    },
    async ensureConnectionValidity(input) {
      const url = urlFromDatasourceParam(input?.datasource, datasource.url);
      if (isPostgresUrl(url)) await runPostgresCliCommand("can-connect-to-database", url);
      else checkDatabaseConnection(resolveSqlitePath(url));
      return {};
    },
    async createDatabase(input) {
      const url = urlFromDatasourceParam(input?.datasource, datasource.url);
      if (isPostgresUrl(url)) {
        return { databaseName: await runPostgresCliCommand("create-database", url) };
      }
      const databasePath = resolveSqlitePath(
        urlFromDatasourceParam(input?.datasource, datasource.url),
      );
      return { databaseName: await createDatabaseFile(databasePath) };
    },
    async dropDatabase(url) {
      const target = typeof url === "string" ? url : datasource.url;
      if (isPostgresUrl(target)) {
        await runPostgresCliCommand("drop-database", target);
        return {};
      }
      dropDatabaseFile(resolveSqlitePath(typeof url === "string" ? url : datasource.url));
      return {};
    },
    getDatabaseVersion: async () => (await handle.use()).version(),
    version: async () => (await loadWasmModule()).version(),
    debugPanic: async () => (await handle.use()).debugPanic(),
  };
}
