// The PostgreSQL server the PostgreSQL test run uses, and databases made fresh on it.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** A maintenance database on the server; tests create and drop their own beside it. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function databaseUrl(name: string, serverUrl = TEST_POSTGRES_URL): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database with a name no other test file uses; returns its URL. */
export async function createScratchDatabase(
  label = "test",
): Promise<{ name: string; url: string }> {
  const name = `webhooks_${label}_${process.pid}_${randomBytes(4).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  return { name, url: databaseUrl(name) };
}

export async function dropScratchDatabase(name: string): Promise<void> {
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
