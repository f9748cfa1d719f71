// Every row of every table as one string, in a stable order, for "nothing was written" checks.
// One query per dump: each table's rows are rendered by the database itself (SQLite's quote(),
// PostgreSQL's row-to-text cast), so blobs, NULLs and exact numbers compare byte for byte.
// Where a dump per step costs too much, a write counter (a row trigger on every table) tells
// exactly whether any row was inserted, updated or deleted since the last look.
import { db } from "@/lib/db/client";
import { TEST_ENGINE } from "./fresh-database";

let dumpQuery: string | undefined;
/** The write counter's table: not part of the dump, it changes whenever the dump would. */
const COUNTER = "FuzzWrites";

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function buildSqliteQuery(): Promise<string> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const parts: string[] = [];
  for (const { name } of tables.filter((table) => table.name !== COUNTER)) {
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
  const parts = tables
    .filter((table) => table.name !== COUNTER)
    .map(
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

let counterInstalled = false;

async function tableNames(): Promise<string[]> {
  const rows =
    TEST_ENGINE === "postgres"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        );
  return rows.map((row) => row.name).filter((name) => name !== COUNTER);
}

/**
 * Adds a one-row counter table and a row trigger on every other table that adds one to it for
 * each row inserted, updated or deleted (a rolled-back write takes its count back with it).
 */
export async function installWriteCounter(): Promise<void> {
  if (counterInstalled) return;
  const tables = await tableNames();
  await db.$executeRawUnsafe(`CREATE TABLE ${quoteName(COUNTER)} (n BIGINT NOT NULL)`);
  await db.$executeRawUnsafe(`INSERT INTO ${quoteName(COUNTER)} (n) VALUES (0)`);
  if (TEST_ENGINE === "postgres") {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION fuzz_count_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE ${quoteName(COUNTER)} SET n = n + 1; RETURN NULL; END $$`,
    );
    for (const table of tables) {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER fuzz_count_write AFTER INSERT OR UPDATE OR DELETE ON ${quoteName(table)} FOR EACH ROW EXECUTE FUNCTION fuzz_count_write()`,
      );
    }
  } else {
    for (const table of tables) {
      for (const operation of ["INSERT", "UPDATE", "DELETE"]) {
        await db.$executeRawUnsafe(
          `CREATE TRIGGER ${quoteName(`fuzz_${table}_${operation}`)} AFTER ${operation} ON ${quoteName(table)} BEGIN UPDATE ${quoteName(COUNTER)} SET n = n + 1; END`,
        );
      }
    }
  }
  counterInstalled = true;
  dumpQuery = undefined;
}

/** Rows inserted, updated or deleted since installWriteCounter. */
export async function countWrites(): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint | string }[]>(
    `SELECT n FROM ${quoteName(COUNTER)}`,
  );
  return Number(row?.n);
}
