import { databaseEngine } from "../../env";
import { postgresDialect } from "./postgres";
import { sqliteDialect } from "./sqlite";
import type { SqlDialect } from "./types";

export type { SqlDialect } from "./types";

/** The dialect of DATABASE_URL's engine. */
export function sqlDialect(): SqlDialect {
  return databaseEngine() === "postgresql" ? postgresDialect : sqliteDialect;
}
