import { z } from "zod";
import { db } from "../db/client";
import { hasEngineConnection, readOutsideTransaction, statement } from "../db/engine-connection";

/**
 * What authenticating a request needs of its API key and the key's project: read on every API
 * request, so it is one indexed read by the key's hash, never cached (a revoked key is refused
 * by the very next request, in every process).
 */
export type ApiKeyRow = {
  id: string;
  scopes: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  project: {
    id: string;
    name: string;
    timeZone: string;
    gaMeasurementId: string | null;
    gaApiSecret: string | null;
    createdAt: Date;
  };
};

// A profile of `next start` under ingest load had Prisma's query interpretation and its
// adapter's per-query prepare among the largest costs of a call event: on SQLite the read runs
// as a cached prepared statement on Prisma's own connection instead (see ../db/engine-connection).
const KEY_SQL = `
SELECT k."id", k."scopes", k."revokedAt", k."lastUsedAt", p."id" AS "projectId", p."name",
  p."timeZone", p."gaMeasurementId", p."gaApiSecret", p."createdAt"
FROM "ApiKey" k JOIN "Project" p ON p."id" = k."projectId"
WHERE k."keyHash" = ?`;

const date = z.string().transform((value) => new Date(value));
const keyRowSchema = z.object({
  id: z.string(),
  scopes: z.string(),
  revokedAt: date.nullable(),
  lastUsedAt: date.nullable(),
  projectId: z.string(),
  name: z.string(),
  timeZone: z.string(),
  gaMeasurementId: z.string().nullable(),
  gaApiSecret: z.string().nullable(),
  createdAt: date,
});

/** The key with this hash and its project, or null. */
export async function findApiKeyByHash(keyHash: string): Promise<ApiKeyRow | null> {
  // PostgreSQL, or SQLite before Prisma opened its connection: through Prisma.
  if (!hasEngineConnection()) {
    return db.apiKey.findUnique({
      where: { keyHash },
      select: {
        id: true,
        scopes: true,
        revokedAt: true,
        lastUsedAt: true,
        project: {
          select: {
            id: true,
            name: true,
            timeZone: true,
            gaMeasurementId: true,
            gaApiSecret: true,
            createdAt: true,
          },
        },
      },
    });
  }
  const raw = await readOutsideTransaction(() => statement(KEY_SQL).get(keyHash));
  if (raw === undefined) return null;
  const { projectId, name, timeZone, gaMeasurementId, gaApiSecret, createdAt, ...key } =
    keyRowSchema.parse(raw);
  return {
    ...key,
    project: { id: projectId, name, timeZone, gaMeasurementId, gaApiSecret, createdAt },
  };
}
