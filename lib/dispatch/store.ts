import { databaseEngine } from "../env";
import { postgresStore } from "./store-postgres";
import { sqliteStore } from "./store-sqlite";
import type { EngineStore } from "./store-types";

export type { EngineStore } from "./store-types";

/** The engine's statements for DATABASE_URL's engine. */
export function engineStore(): EngineStore {
  return databaseEngine() === "postgresql" ? postgresStore : sqliteStore;
}
