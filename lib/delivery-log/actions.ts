// Send again: a failed delivery goes back to the queue for exactly one more attempt with the
// request it stored (the worker reuses the rendered snapshot), and leaves the failed list while
// it waits. Bulk resends share a batch id so the page can show their progress.
import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { wakeWorkers } from "../dispatch/wake";
import { AppError, notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { BulkTarget, ResendBatch } from "./contract";
import { deliveryFilterSchema, withoutCursor } from "./filters";
import { deliveryWhere, resolveDateRange, toDate } from "./query";
import { describeRefusal } from "./refusal-words";
import { type ResendRefusal, resendRefusal } from "./resend-rules";

export { countUncheckedFailures, markChecked, markDeliveryChecked, uncheck } from "./check";

/** Rows marked per statement: short write transactions leave the worker room between them. */
export const BULK_CHUNK_SIZE = 500;
/** How many refusals a bulk resend lists one by one (`skippedCount` has them all). */
export const MAX_LISTED_SKIPS = 100;

// The SQL twin of resendRefusal: failed, something to send, request not paused.
const ELIGIBLE = Prisma.sql`d."status" = 'failed'
  AND (d."rendered" IS NOT NULL OR d."webhookRequestId" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "WebhookRequest" r
    WHERE r."id" = d."webhookRequestId" AND r."pausedAt" IS NOT NULL)`;

type StateRow = {
  id: string;
  status: string;
  hasSnapshot: number | bigint;
  webhookRequestId: string | null;
  pausedAt: Date | string | null;
  pausedReason: string | null;
};

const NOT_FOUND: ResendRefusal = { key: "notFound" };
const CHANGED: ResendRefusal = { key: "changed" };

function selectStates(where: Prisma.Sql, limit: number): Promise<StateRow[]> {
  return db.$queryRaw<StateRow[]>`
    SELECT d."id", d."status", d."rendered" IS NOT NULL AS "hasSnapshot", d."webhookRequestId",
      r."pausedAt", r."pausedReason"
    FROM "Delivery" d LEFT JOIN "WebhookRequest" r ON r."id" = d."webhookRequestId"
    WHERE ${where}
    ORDER BY d."createdAt" DESC, d."id" DESC
    LIMIT ${limit}`;
}

function refusalOf(row: StateRow): ResendRefusal | null {
  return resendRefusal({
    status: row.status,
    hasSnapshot: Number(row.hasSnapshot) === 1,
    hasRequest: row.webhookRequestId !== null,
    pausedAt: row.pausedAt === null ? null : toDate(row.pausedAt),
    pausedReason: row.pausedReason,
  });
}

/** Queues up to BULK_CHUNK_SIZE eligible rows matching `where` in one statement. */
async function markForResend(where: Prisma.Sql, batchId: string): Promise<Set<string>> {
  const now = new Date();
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "Delivery"
    SET "status" = 'pending', "nextAttemptAt" = ${now}, "maxAttempts" = "attemptCount" + 1,
      "checkedAt" = NULL, "checkedById" = NULL, "completedAt" = NULL, "leaseOwner" = NULL,
      "leaseUntil" = NULL, "resendBatchId" = ${batchId}, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT d."id" FROM "Delivery" d
      WHERE ${where} AND ${ELIGIBLE}
        AND (d."resendBatchId" IS NULL OR d."resendBatchId" <> ${batchId})
      LIMIT ${BULK_CHUNK_SIZE}
    )
    RETURNING "id"`;
  return new Set(rows.map((row) => row.id));
}

async function resendByIds(projectId: string, ids: string[], batchId: string) {
  const unique = [...new Set(ids)];
  const skipped: ResendBatch["skipped"] = [];
  for (let start = 0; start < unique.length; start += BULK_CHUNK_SIZE) {
    const chunk = unique.slice(start, start + BULK_CHUNK_SIZE);
    const where = Prisma.sql`d."projectId" = ${projectId} AND d."id" IN (${Prisma.join(chunk)})`;
    const states = await selectStates(where, chunk.length);
    const found = new Map(states.map((row) => [row.id, refusalOf(row)]));
    const marked = await markForResend(where, batchId);
    for (const id of chunk) {
      if (marked.has(id)) continue;
      const refusal = found.has(id) ? found.get(id) : NOT_FOUND;
      // Eligible a moment ago: another request or the worker changed it in between.
      skipped.push({ id, ...describeRefusal(refusal ?? CHANGED) });
    }
  }
  return { skipped, skippedCount: skipped.length };
}

async function resendByFilter(projectId: string, target: { filter: unknown }, batchId: string) {
  const filter = withoutCursor(deliveryFilterSchema.parse(target.filter));
  const where = deliveryWhere(projectId, filter, await resolveDateRange(projectId, filter));
  // Refusals are counted before marking: once marked, a row no longer looks failed.
  const notEligible = Prisma.sql`${where} AND NOT (${ELIGIBLE})`;
  const states = await selectStates(notEligible, MAX_LISTED_SKIPS);
  const [count] = await db.$queryRaw<Array<{ n: number | bigint }>>`
    SELECT COUNT(*) AS n FROM "Delivery" d WHERE ${notEligible}`;
  const skipped = states.map((row) => ({
    id: row.id,
    ...describeRefusal(refusalOf(row) ?? CHANGED),
  }));
  while ((await markForResend(where, batchId)).size === BULK_CHUNK_SIZE) {
    // Give the worker and other requests the write lock between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { skipped, skippedCount: Number(count?.n ?? 0) };
}

/**
 * Sends the target's failed deliveries again as one batch and wakes the worker. Deliveries that
 * cannot be sent again are skipped with the reason (not found, not failed, request deleted
 * before anything was sent, request paused). `userId` is who asked; not stored yet.
 */
export async function resendDeliveries(
  projectId: string,
  target: BulkTarget,
  _userId?: string | null,
): Promise<ResendBatch> {
  const batchId = randomUUID();
  const { skipped, skippedCount } =
    "ids" in target
      ? await resendByIds(projectId, target.ids, batchId)
      : await resendByFilter(projectId, target, batchId);
  const progress = await countBatch(projectId, batchId);
  if (progress.total > 0) wakeWorkers();
  return { id: batchId, ...progress, skipped, skippedCount };
}

/** Send again for one delivery: 404 for an id of another project, 409 with the reason when refused. */
export async function resendDelivery(
  projectId: string,
  id: string,
  userId?: string | null,
): Promise<ResendBatch> {
  const batch = await resendDeliveries(projectId, { ids: [id] }, userId);
  const refusal = batch.skipped[0];
  if (refusal?.reasonText.key === NOT_FOUND.key) throw notFound("Delivery");
  if (refusal) {
    const reason = { namespace: "resendRefusal" as const, ...refusal.reasonText };
    throw new AppError("conflict", { key: "resendRefused", values: { reason } });
  }
  return batch;
}

async function countBatch(projectId: string, batchId: string) {
  const groups = await db.delivery.groupBy({
    by: ["status"],
    where: { resendBatchId: batchId, projectId },
    _count: { _all: true },
  });
  const count = (...statuses: string[]) =>
    groups.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
  return {
    total: count("pending", "sending", "succeeded", "failed"),
    pending: count("pending", "sending"),
    succeeded: count("succeeded"),
    failed: count("failed"),
  };
}

/**
 * Progress of a resend batch, counted from its deliveries. Refusals are only reported by the
 * resend itself; a batch of another project, or one where nothing was queued, is not found.
 */
export async function getResendBatch(projectId: string, batchId: string): Promise<ResendBatch> {
  const progress = await countBatch(projectId, batchId);
  if (progress.total === 0) throw notFound("Resend batch");
  return { id: batchId, ...progress, skipped: [], skippedCount: 0 };
}
