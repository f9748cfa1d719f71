// Retention: the delivery log is kept for RETENTION_DAYS after each delivery finished. This is
// the one cross-project job; it still walks project by project, so every statement uses a
// (projectId, time) index and each batch is a short write transaction the worker and the web
// process can slip between.
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";

const DAY_MS = 86_400_000;
export const DEFAULT_RETENTION_BATCH_SIZE = 1000;

export type RetentionResult = { deliveries: number; attempts: number; callEvents: number };

const pause = () => new Promise((resolve) => setImmediate(resolve));

async function deleteDeliveryBatch(projectId: string, cutoff: Date, batchSize: number) {
  return db.$transaction(async (tx) => {
    // Only finished work goes, by when it finished: a retry still scheduled, a delivery being
    // sent and a failure resent (which clears completedAt) are unfinished however old they are.
    const rows = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "Delivery"
      WHERE "projectId" = ${projectId} AND "completedAt" < ${cutoff}
        AND "status" IN ('succeeded', 'failed')
      LIMIT ${batchSize}`;
    if (rows.length === 0) return { deliveries: 0, attempts: 0 };
    const ids = Prisma.join(rows.map((row) => row.id));
    const [attempts] = await tx.$queryRaw<Array<{ n: number | bigint }>>`
      SELECT COUNT(*) AS "n" FROM "Attempt" WHERE "deliveryId" IN (${ids})`;
    // Attempts go with their delivery (ON DELETE CASCADE).
    const deliveries = await tx.$executeRaw`DELETE FROM "Delivery" WHERE "id" IN (${ids})`;
    return { deliveries, attempts: Number(attempts?.n ?? 0) };
  });
}

async function deleteOrphanCallEvents(projectId: string, cutoff: Date, batchSize: number) {
  return db.$executeRaw`
    DELETE FROM "CallEvent" WHERE "id" IN (
      SELECT c."id" FROM "CallEvent" c
      WHERE c."projectId" = ${projectId} AND c."receivedAt" < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."callEventId" = c."id")
      LIMIT ${batchSize}
    )`;
}

/**
 * Deletes finished deliveries (succeeded or failed, with their attempts) that finished more than
 * `olderThanDays` days ago, then the call events of that age left without deliveries, in batches
 * of `batchSize`. Zero days keeps everything.
 */
export async function deleteExpiredDeliveries(options: {
  olderThanDays: number;
  batchSize?: number;
  now?: Date;
}): Promise<RetentionResult> {
  const total: RetentionResult = { deliveries: 0, attempts: 0, callEvents: 0 };
  if (!(options.olderThanDays > 0)) return total;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_RETENTION_BATCH_SIZE));
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.olderThanDays * DAY_MS);
  const projects = await db.project.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  for (const { id: projectId } of projects) {
    for (;;) {
      const batch = await deleteDeliveryBatch(projectId, cutoff, batchSize);
      total.deliveries += batch.deliveries;
      total.attempts += batch.attempts;
      if (batch.deliveries < batchSize) break;
      await pause();
    }
    for (;;) {
      const deleted = await deleteOrphanCallEvents(projectId, cutoff, batchSize);
      total.callEvents += deleted;
      if (deleted < batchSize) break;
      await pause();
    }
  }
  return total;
}
