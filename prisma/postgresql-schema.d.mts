export const SQLITE_SCHEMA: string;
export const POSTGRESQL_SCHEMA: string;
export function renderPostgresqlSchema(sqliteSchema: string): string;
