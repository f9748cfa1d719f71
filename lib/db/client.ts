import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { databaseFile } from "../env";
import { PrismaClient } from "../generated/prisma/client";
import { rememberEngineConnection } from "./engine-connection";

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

export function createPrismaClient(file: string): PrismaClient {
  return new PrismaClient({
    adapter: new TunedSqliteAdapter({ url: `file:${file}`, timeout: 5000 }),
  });
}

// Next's dev server re-evaluates modules on every change; one client per process keeps
// SQLite from collecting open handles.
const globalForDb = globalThis as unknown as { webhooksDb?: PrismaClient };

globalForDb.webhooksDb ??= createPrismaClient(databaseFile());
export const db: PrismaClient = globalForDb.webhooksDb;
