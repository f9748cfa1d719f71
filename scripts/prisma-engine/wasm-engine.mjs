// Loads @prisma/schema-engine-wasm and runs it over a driver adapter (better-sqlite3 for file:
// URLs, pg for postgresql:// URLs), so the Prisma CLI never needs the native schema-engine
// binary it would download from a CDN.
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

let wasmModulePromise;

// The wasm instance keeps global state (panic hook, logger): one per process.
export function loadWasmModule() {
  wasmModulePromise ??= (async () => {
    // The package's "exports" hide package.json, so locate it through an exported file.
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import(bgPath);
    const bytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    // Without a registry a Rust panic surfaces as a TypeError about `set_message`.
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= createPanicRegistry();
    return bg;
  })();
  return wasmModulePromise;
}

function createPanicRegistry() {
  let message = "";
  return {
    get: () => message,
    set_message: (value) => {
      message = value;
    },
  };
}

export function readPanicMessage() {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.get() || "unknown panic in schema-engine-wasm";
}

export function isPostgresUrl(url) {
  return typeof url === "string" && /^postgres(ql)?:\/\//.test(url);
}

// Prisma hands us the URL from prisma.config.ts; relative paths follow the native engine and
// resolve against the working directory the CLI spawns us in (the project root).
export function resolveSqlitePath(url) {
  if (typeof url !== "string" || !url.startsWith("file:")) {
    throw new Error(`Only SQLite "file:" URLs are supported by this engine shim, got: ${url}`);
  }
  const withoutQuery = url.split("?")[0];
  if (withoutQuery === "file::memory:" || withoutQuery === "file::memory") return ":memory:";
  if (withoutQuery.startsWith("file://")) return fileURLToPath(withoutQuery);
  return path.resolve(process.cwd(), withoutQuery.slice("file:".length));
}

export function removeSqliteFile(filePath) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(filePath + suffix, { force: true });
}

export function ensureParentDir(filePath) {
  if (filePath !== ":memory:") mkdirSync(path.dirname(filePath), { recursive: true });
}

// The engine replays each migration on the shadow database as one parameterless executeRaw,
// which better-sqlite3 rejects when the script holds several statements (P3006).
function routeScriptsToExec(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}

// SQLITE_BUSY reaches the adapter as kind "SocketTimeout", a variant the wasm engine cannot
// decode ("unknown variant `SocketTimeout`"). Like the native engine, it takes an exclusive lock
// to migrate, so a running app holding the file open is the usual cause: say so.
function explainBusyErrors(adapter, databasePath) {
  const { DriverAdapterError } = require("@prisma/driver-adapter-utils");
  for (const method of ["queryRaw", "executeRaw", "executeScript"]) {
    const call = adapter[method].bind(adapter);
    adapter[method] = async (query) => {
      try {
        return await call(query);
      } catch (error) {
        if (error?.cause?.kind !== "SocketTimeout") throw error;
        throw new DriverAdapterError({
          kind: "sqlite",
          // Not 5 (SQLITE_BUSY): the engine turns that into a bare P1008 "Socket timeout".
          extendedCode: 1,
          message:
            `database is locked: ${databasePath} is held open by another process ` +
            "(the running app or `next dev`?). Stop it and run the command again.",
        });
      }
    };
  }
  return adapter;
}

// Tracks every connection the engine opens: the engine sets locking_mode=EXCLUSIVE,
// so we must close them ourselves before deleting the file or handing it to anyone else.
function createTrackedFactory(databasePath, shadowDatabasePath) {
  const { PrismaBetterSqlite3 } = require("@prisma/adapter-better-sqlite3");
  const inner = new PrismaBetterSqlite3(
    { url: `file:${databasePath}` },
    {
      shadowDatabaseUrl:
        shadowDatabasePath === ":memory:" ? ":memory:" : `file:${shadowDatabasePath}`,
    },
  );
  const open = new Set();
  const track = (adapter) => {
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      open.delete(adapter);
      return dispose();
    };
    return adapter;
  };
  return {
    factory: {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => explainBusyErrors(track(await inner.connect()), databasePath),
      connectToShadowDb: async () =>
        routeScriptsToExec(
          explainBusyErrors(track(await inner.connectToShadowDb()), shadowDatabasePath),
        ),
    },
    closeAll() {
      for (const adapter of open) {
        if (adapter.client.open) adapter.client.close();
      }
      open.clear();
    },
  };
}

// The engine reads PostgreSQL's catalogs, whose columns include system types ("char", name
// vectors, regproc…) that the pg adapter refuses ("Column type 'char' could not be
// deserialized"). Their text form is what the engine wants, so this process reports them as
// text. The shim runs alone in its own process: nothing else sees this.
const CATALOG_TYPES_READ_AS_TEXT = new Set([18, 22, 24, 30, 194, 2205, 2206, 3734, 3769]);
const TEXT_TYPE_ID = 25;
let catalogTypesPatched = false;

function readCatalogTypesAsText() {
  if (catalogTypesPatched) return;
  catalogTypesPatched = true;
  const pgRequire = createRequire(require.resolve("@prisma/adapter-pg"));
  const Result = pgRequire("pg/lib/result.js");
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function addFieldsAsText(fields) {
    for (const field of fields) {
      if (CATALOG_TYPES_READ_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_TYPE_ID;
    }
    return addFields.call(this, fields);
  };
}

// PrismaPg's executeScript splits a script on every ";", which cuts a function body
// ($$ … ; … $$, as a trigger function has) into pieces PostgreSQL cannot parse. PostgreSQL runs
// a multi-statement script itself in one simple query, so send it whole.
function sendScriptsWhole(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
}

// PrismaPg creates (and drops on dispose) a uniquely named shadow database on the same server,
// so a diff from a migrations folder needs nothing but a reachable server.
function createPostgresFactory(url) {
  readCatalogTypesAsText();
  const { PrismaPg } = require("@prisma/adapter-pg");
  // Discrete fields, not a connectionString: pg lets a connection string override the
  // `database` that PrismaPg sets for the shadow database, which would then be the main one.
  const { parse } = createRequire(require.resolve("pg"))("pg-connection-string");
  const { database, host, port, user, password } = parse(url);
  const config = {
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    database: database ?? undefined,
    max: 2,
  };
  const inner = new PrismaPg(config);
  const open = new Set();
  const track = (adapter) => {
    sendScriptsWhole(adapter);
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      open.delete(adapter);
      return dispose();
    };
    return adapter;
  };
  // PrismaPg's own shadow database drops it before closing its pool, which PostgreSQL refuses
  // ("being accessed by other users"): close first, then drop.
  async function connectToShadowDb() {
    const shadowName = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = await inner.connect();
    await admin.executeScript(`CREATE DATABASE "${shadowName}"`);
    const shadow = await new PrismaPg({ ...config, database: shadowName }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      try {
        await admin.executeScript(`DROP DATABASE IF EXISTS "${shadowName}" WITH (FORCE)`);
      } finally {
        await admin.dispose();
      }
    };
    return shadow;
  }
  return {
    factory: {
      provider: inner.provider,
      adapterName: inner.adapterName,
      connect: async () => track(await inner.connect()),
      connectToShadowDb: async () => track(await connectToShadowDb()),
    },
    closeAll() {
      const pending = [...open].map((adapter) => adapter.dispose().catch(() => {}));
      open.clear();
      return Promise.all(pending);
    },
  };
}

function readDatamodels(datamodelPaths) {
  if (datamodelPaths.length === 0) return undefined;
  return datamodelPaths.map((file) => [file, readFileSync(file, "utf8")]);
}

// The engine connects as soon as it is created, and better-sqlite3 creates a missing file on
// connect. So it starts lazily, and against an in-memory database when a call does not touch
// the configured one (a `migrate diff` between files must not leave an empty .db behind).
export function createEngineHandle({ datamodelPaths, datasource, onLog }) {
  if (isPostgresUrl(datasource.url))
    return createPostgresEngineHandle({ datamodelPaths, datasource, onLog });
  const databasePath = datasource.url ? resolveSqlitePath(datasource.url) : ":memory:";
  const shadowDatabasePath = datasource.shadowDatabaseUrl
    ? resolveSqlitePath(datasource.shadowDatabaseUrl)
    : ":memory:";
  const datamodels = readDatamodels(datamodelPaths);
  let engine;
  let tracked;
  let bound;
  let connectedPath;

  const handle = {
    async use({ mainDatabase = true } = {}) {
      const wanted = mainDatabase ? databasePath : ":memory:";
      if (engine && (connectedPath === wanted || !mainDatabase)) return engine;
      handle.close();
      const bg = await loadWasmModule();
      const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
      ensureParentDir(wanted);
      tracked = createTrackedFactory(wanted, shadowDatabasePath);
      bound = bindMigrationAwareSqlAdapterFactory(tracked.factory);
      engine = await bg.SchemaEngine.new({ datamodels }, onLog, bound);
      connectedPath = wanted;
      return engine;
    },
    // The wasm engine reports driver failures as "External error id#N"; the real error sits in
    // the adapter's error registry.
    explainExternalError(message) {
      const match = /External error id#(\d+)/.exec(String(message));
      const record = match && bound?.errorRegistry.consumeError(Number(match[1]));
      return record ? String(record.error?.message ?? record.error) : undefined;
    },
    close() {
      tracked?.closeAll();
      try {
        engine?.free();
      } catch {
        // Freeing after its connections were closed under it is harmless; the process moves on.
      }
      engine = undefined;
      connectedPath = undefined;
    },
    // `reset()` is a no-op on SQLite in the wasm engine: close, delete, start over.
    async recreateDatabase() {
      handle.close();
      if (databasePath !== ":memory:") removeSqliteFile(databasePath);
      if (shadowDatabasePath !== ":memory:") removeSqliteFile(shadowDatabasePath);
      return handle.use();
    },
  };
  return handle;
}

// A server needs no lazy start: connecting creates nothing, and `reset()` works on PostgreSQL.
function createPostgresEngineHandle({ datamodelPaths, datasource, onLog }) {
  const datamodels = readDatamodels(datamodelPaths);
  let engine;
  let tracked;
  let bound;
  const handle = {
    async use() {
      if (engine) return engine;
      const bg = await loadWasmModule();
      const { bindMigrationAwareSqlAdapterFactory } = require("@prisma/driver-adapter-utils");
      tracked = createPostgresFactory(datasource.url);
      bound = bindMigrationAwareSqlAdapterFactory(tracked.factory);
      engine = await bg.SchemaEngine.new({ datamodels }, onLog, bound);
      return engine;
    },
    explainExternalError(message) {
      const match = /External error id#(\d+)/.exec(String(message));
      const record = match && bound?.errorRegistry.consumeError(Number(match[1]));
      return record ? String(record.error?.message ?? record.error) : undefined;
    },
    close() {
      const closing = tracked?.closeAll();
      try {
        engine?.free();
      } catch {
        // Same as SQLite: freeing after the connections went is harmless.
      }
      engine = undefined;
      return closing;
    },
    async recreateDatabase() {
      await (await handle.use()).reset({ filter: { externalTables: [], externalEnums: [] } });
      return engine;
    },
  };
  return handle;
}
