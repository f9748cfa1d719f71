import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFile } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createPrismaClient(file: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 }),
  });
}

// Next's dev server re-evaluates modules on every change; one client per process keeps
// SQLite from collecting open handles.
const globalForDb = globalThis as unknown as { webhooksDb?: PrismaClient };

globalForDb.webhooksDb ??= createPrismaClient(databaseFile());
export const db: PrismaClient = globalForDb.webhooksDb;
