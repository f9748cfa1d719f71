import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { databaseEngine, databaseFile, env } from "../env";
import { PrismaClient as PostgresPrismaClient } from "../generated/postgresql/client";
import { PrismaClient } from "../generated/prisma/client";
import { rememberEngineConnection } from "./engine-connection";
import { postgresPool } from "./postgres-pool";

/**
 * The one client type services see. Both generated clients come from the same models
 * (prisma/postgresql/schema.prisma is generated from prisma/schema.prisma, and a test compares
 * their models field by field); the SQLite client's type is the narrower of the two, so code
 * written against it runs on both.
 */
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * The SQLite adapter with the connection settings WAL wants. `synchronous` is per connection
 * (WAL mode itself is stored in the file): NORMAL syncs at checkpoints instead of on every
 * commit, which is still durable against a process crash, and several times faster to commit.
 */
class TunedSqliteAdapter extends PrismaBetterSqlite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const connection = await super.connect();
    await connection.queryRaw({ sql: "PRAGMA synchronous = NORMAL", args: [], argTypes: [] });
    // The engine's hot paths run cached prepared statements on this same connection (see
    // ./engine-connection): one connection per process, so they never wait on our own locks.
    if ("client" in connection && connection.client instanceof Database) {
      rememberEngineConnection(connection.client);
    }
    return connection;
  }
}

export function createSqliteClient(file: string): PrismaClient {
  return new PrismaClient({
    adapter: new TunedSqliteAdapter({ url: `file:${file}`, timeout: 5000 }),
  });
}

export function createPostgresClient(url: string, poolSize = env().DATABASE_POOL_SIZE): Db {
  const client = new PostgresPrismaClient({
    // The process's pool, shared with the engine's own statements (see ./postgres-pool).
    adapter: new PrismaPg(postgresPool(url, poolSize)),
  });
  // The two generated classes are nominally different types for the same models (see Db).
  return client as unknown as Db;
}

/** A client for DATABASE_URL's engine: file: is SQLite, postgresql:// PostgreSQL. */
export function createDatabaseClient(url = env().DATABASE_URL): Db {
  return databaseEngine(url) === "postgresql"
    ? createPostgresClient(url)
    : createSqliteClient(databaseFile(url));
}

// Next's dev server re-evaluates modules on every change, and route handlers and
// instrumentation are separate bundles: one client per process, shared through globalThis.
declare global {
  var webhooksDb: Db | undefined;
}

globalThis.webhooksDb ??= createDatabaseClient();
export const db: Db = globalThis.webhooksDb;
