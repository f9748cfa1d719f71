import type Database from "better-sqlite3";

// Prisma's SQLite adapter prepares every statement anew and interprets each query in
// JavaScript; on the engine's hot paths (ingest, claim, settle) that was most of the CPU time.
// Those paths run cached prepared statements on the adapter's own better-sqlite3 connection
// instead: one connection per process means no lock waits between our own two connections.

type Statement = Database.Statement<unknown[], unknown>;

type EngineConnection = { database: Database.Database; statements: Map<string, Statement> };

// Every bundle of the built app (route handlers, instrumentation) sees the same process state
// only through globalThis.
declare global {
  var webhooksEngineConnection: EngineConnection | undefined;
}

export function rememberEngineConnection(database: Database.Database): void {
  globalThis.webhooksEngineConnection = { database, statements: new Map() };
}

export function hasEngineConnection(): boolean {
  return globalThis.webhooksEngineConnection?.database.open === true;
}

/** The connection, once Prisma has opened it (callers `await db.$connect()` first). */
export function engineConnection(): EngineConnection {
  const connection = globalThis.webhooksEngineConnection;
  if (!connection?.database.open) {
    throw new Error("the database connection is not open yet");
  }
  return connection;
}

/** A prepared statement, compiled once per connection and SQL text. */
export function statement(sql: string): Statement {
  const connection = engineConnection();
  let prepared = connection.statements.get(sql);
  if (!prepared) {
    // Plain numbers: the adapter turns on 64-bit integers connection-wide, our counts fit.
    prepared = connection.database.prepare<unknown[], unknown>(sql).safeIntegers(false);
    connection.statements.set(sql, prepared);
  }
  return prepared;
}

/**
 * Runs `work` as one synchronous write transaction on the shared connection. Prisma's
 * interactive transactions hold that connection open across awaits; writing in the middle of
 * one would make our rows part of it (and roll back with it), so wait for it to end first.
 */
export async function writeTransaction<T>(work: () => T): Promise<T> {
  const { database } = engineConnection();
  while (database.inTransaction) await new Promise((resolve) => setImmediate(resolve));
  return database.transaction(work).immediate();
}

/** A read on the shared connection; it sees only committed rows, never a half-open transaction's. */
export async function readOutsideTransaction<T>(work: () => T): Promise<T> {
  const { database } = engineConnection();
  while (database.inTransaction) await new Promise((resolve) => setImmediate(resolve));
  return work();
}
