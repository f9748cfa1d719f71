import { db } from "../db/client";

/**
 * Takes up to `limit` due deliveries for one worker: pending ones whose time has come, and
 * ones whose worker's lease ran out (it crashed or hung). One UPDATE … RETURNING statement, so
 * two workers can never take the same row: SQLite runs it under its single write lock.
 */
export async function claimDueDeliveries(input: {
  workerId: string;
  limit: number;
  leaseMs: number;
  now?: Date;
}): Promise<string[]> {
  const now = input.now ?? new Date();
  const leaseUntil = new Date(now.getTime() + input.leaseMs);
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "Delivery"
    SET "status" = 'sending', "leaseOwner" = ${input.workerId}, "leaseUntil" = ${leaseUntil}, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "Delivery"
      WHERE ("status" = 'pending' AND "nextAttemptAt" <= ${now})
         OR ("status" = 'sending' AND "leaseUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${input.limit}
    )
    RETURNING "id"`;
  return rows.map((row) => row.id);
}

/**
 * Extends the leases a live worker holds. Called on a heartbeat, so a delivery waiting for a
 * socket or a slow receiver is not mistaken for a dead worker's and sent a second time.
 */
export async function renewLeases(input: {
  workerId: string;
  leaseMs: number;
  now?: Date;
}): Promise<number> {
  const now = input.now ?? new Date();
  const { count } = await db.delivery.updateMany({
    where: { leaseOwner: input.workerId, status: "sending" },
    data: { leaseUntil: new Date(now.getTime() + input.leaseMs) },
  });
  return count;
}
