// Every row of every table as one string, in a stable order, for "nothing was written" checks.
// One query per dump: each table's rows are rendered by the database itself (SQLite's quote(),
// PostgreSQL's row-to-text cast), so blobs, NULLs and exact numbers compare byte for byte.
import { db } from "@/lib/db/client";
import { TEST_ENGINE } from "./fresh-database";

let dumpQuery: string | undefined;

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function buildSqliteQuery(): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const columns = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM pragma_table_info('${name.replaceAll("'", "''")}') ORDER BY cid`,
    );
    const row = columns.map((c) => `quote(${quoteName(c.name)})`).join(" || ',' || ");
    parts.push(
      `(SELECT coalesce(group_concat(r, char(10)), '') FROM (SELECT ${row} AS r FROM ${quoteName(name)} ORDER BY r)) AS ${quoteName(name)}`,
    );
  }
  return `SELECT ${parts.join(", ")}`;
}

async function buildPostgresQuery(): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const parts = tables.map(
    ({ name }) =>
      `(SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '') FROM ${quoteName(name)} t) AS ${quoteName(name)}`,
  );
  return `SELECT ${parts.join(", ")}`;
}

/** Every table's rows; two equal dumps mean no row was added, removed or changed. */
export async function dumpDatabase(): Promise<Record<string, string>> {
  dumpQuery ??= TEST_ENGINE === "postgres" ? await buildPostgresQuery() : await buildSqliteQuery();
  const [row] = await db.$queryRawUnsafe<Record<string, string>[]>(dumpQuery);
  if (!row) throw new Error("the dump query returned no row");
  return row;
}

/** The tables whose rows differ between two dumps. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
