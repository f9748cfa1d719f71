// "Checked": an admin has looked at a failure and it leaves the error check page (and the
// navigation badge). Undo sets the same ids back.
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { BulkTarget } from "./contract";
import { deliveryFilterSchema, withoutCursor } from "./filters";
import { deliveryWhere, resolveDateRange } from "./query";

const CHUNK_SIZE = 500;

function chunks<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

/** Checks up to CHUNK_SIZE unchecked failures matching `where` in one statement. */
async function checkChunk(where: Prisma.Sql, userId: string | null): Promise<string[]> {
  const now = new Date();
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "Delivery" SET "checkedAt" = ${now}, "checkedById" = ${userId}, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT d."id" FROM "Delivery" d
      WHERE ${where} AND d."status" = 'failed' AND d."checkedAt" IS NULL
      LIMIT ${CHUNK_SIZE}
    )
    RETURNING "id"`;
  return rows.map((row) => row.id);
}

/**
 * Marks the target's unchecked failures checked and returns the ids it changed, which is what
 * an undo hands back to `uncheck`. Other rows (not failed, checked already, another project's)
 * are left alone.
 */
export async function markChecked(
  projectId: string,
  target: BulkTarget,
  userId: string | null,
): Promise<{ ids: string[] }> {
  const ids: string[] = [];
  if ("ids" in target) {
    for (const chunk of chunks([...new Set(target.ids)])) {
      const where = Prisma.sql`d."projectId" = ${projectId} AND d."id" IN (${Prisma.join(chunk)})`;
      ids.push(...(await checkChunk(where, userId)));
    }
    return { ids };
  }
  const filter = withoutCursor(deliveryFilterSchema.parse(target.filter));
  const where = deliveryWhere(projectId, filter, await resolveDateRange(projectId, filter));
  for (;;) {
    const changed = await checkChunk(where, userId);
    ids.push(...changed);
    if (changed.length < CHUNK_SIZE) return { ids };
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Checked for one delivery: 404 for an id of another project, 409 unless it failed. */
export async function markDeliveryChecked(
  projectId: string,
  id: string,
  userId: string | null,
): Promise<{ ids: string[] }> {
  const row = await db.delivery.findFirst({ where: { id, projectId }, select: { status: true } });
  if (!row) throw notFound("Delivery");
  if (row.status !== "failed") {
    throw new AppError("conflict", { key: "onlyFailedChecked" });
  }
  return markChecked(projectId, { ids: [id] }, userId);
}

/** Undo of markChecked: the given failures of the project are unchecked again. */
export async function uncheck(
  projectId: string,
  ids: readonly string[],
): Promise<{ ids: string[] }> {
  const changed: string[] = [];
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      UPDATE "Delivery" SET "checkedAt" = NULL, "checkedById" = NULL, "updatedAt" = ${new Date()}
      WHERE "projectId" = ${projectId} AND "id" IN (${Prisma.join(chunk)})
        AND "status" = 'failed' AND "checkedAt" IS NOT NULL
      RETURNING "id"`;
    changed.push(...rows.map((row) => row.id));
  }
  return { ids: changed };
}

/** The navigation badge: failures nobody has checked yet (an index-only count). */
export function countUncheckedFailures(projectId: string): Promise<number> {
  return db.delivery.count({ where: { projectId, status: "failed", checkedAt: null } });
}
