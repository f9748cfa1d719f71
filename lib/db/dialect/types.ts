import type { Prisma } from "../../generated/prisma/client";

/**
 * The SQL that differs between the two engines, each piece written once per engine. Services
 * build their queries with Prisma.sql and ask the dialect only for these fragments; everything
 * else they write is plain SQL both engines read the same way.
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
  /**
   * Appended to the SELECT that picks rows to claim. PostgreSQL: FOR UPDATE SKIP LOCKED, so
   * workers claiming at once take disjoint rows without waiting on each other. SQLite: nothing,
   * its single writer already serialises claims.
   */
  readonly skipLocked: Prisma.Sql;
  /**
   * A channel-based wake-up across processes, if the engine has one (PostgreSQL's
   * LISTEN/NOTIFY); SQLite workers poll instead.
   */
  readonly notifiesAcrossProcesses: boolean;
}
