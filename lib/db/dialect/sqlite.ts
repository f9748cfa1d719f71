import { Prisma } from "../../generated/prisma/client";
import type { SqlDialect } from "./types";

export const sqliteDialect: SqlDialect = {
  engine: "sqlite",
  // The adapter stores instants as ISO text in UTC ("2026-11-29T10:15:04.123+00:00"): the
  // first 13 characters are the hour, and the (…, createdAt) indexes still cover the query.
  utcHour: (column) => Prisma.sql`substr(${column}, 1, 13)`,
  likeInsensitive: (column, pattern) => Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`,
};
