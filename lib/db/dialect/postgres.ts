import { Prisma } from "../../generated/prisma/client";
import type { SqlDialect } from "./types";

export const postgresDialect: SqlDialect = {
  engine: "postgresql",
  // timestamptz has no text form to cut; to_char in UTC gives the same "YYYY-MM-DDTHH".
  utcHour: (column) => Prisma.sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24')`,
  likeInsensitive: (column, pattern) => Prisma.sql`${column} ILIKE ${pattern} ESCAPE '\\'`,
};
