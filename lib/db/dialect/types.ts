import type { Prisma } from "../../generated/prisma/client";

/**
 * The SQL that differs between the two engines, each piece written once per engine. Services
 * build their queries with Prisma.sql and ask the dialect only for these fragments; everything
 * else they write is plain SQL both engines read the same way. The delivery engine's hot paths
 * (ingest, claim, settle, wake-ups) have a store per engine instead, in lib/dispatch/store-*.
 */
export interface SqlDialect {
  readonly engine: "sqlite" | "postgresql";
  /** The UTC hour of a timestamp column as text "YYYY-MM-DDTHH" (an ISO instant's first 13 characters). */
  utcHour(column: Prisma.Sql): Prisma.Sql;
  /**
   * Case-insensitive LIKE with backslash as the escape character (SQLite's LIKE ignores ASCII
   * case, PostgreSQL's does not).
   */
  likeInsensitive(column: Prisma.Sql, pattern: string): Prisma.Sql;
}
