import { z } from "zod";
import { db } from "../db/client";
import {
  hasEngineConnection,
  readOutsideTransaction,
  statement,
  writeTransaction,
} from "../db/engine-connection";
import { type ClaimedDelivery, loadClaimedDeliveries } from "./claimed-delivery";
import { toSqlDate } from "./sql-values";

// One statement picks and leases a batch, so two workers (or processes) never take the same
// row: SQLite runs it under its single write lock. What it picks is fair and polite:
// - every webhook request contributes at most (maxInFlight - its deliveries in flight) and at
//   most what is left of its per-second rate window, so a slow CRM is not hammered;
// - the candidates are then taken in turns across projects (the first of every project, then
//   the second …), so a project with 50,000 due deliveries cannot starve another.
// Each request is probed through its own index range, so a flood costs `limit` rows per
// request to look at, not the whole backlog. Deliveries whose request was deleted (they fail
// at render) and expired leases of a crashed worker are taken without a cap.
const CLAIM_SQL = `
WITH inflight AS (
  SELECT "webhookRequestId" AS rid, COUNT(*) AS n FROM "Delivery"
  WHERE "status" = 'sending' AND "leaseUntil" >= @now AND "webhookRequestId" IS NOT NULL
  GROUP BY "webhookRequestId"
),
room AS (
  SELECT r."id" AS rid,
    r."maxInFlight" - COALESCE(i.n, 0) AS slots,
    CASE
      WHEN r."ratePerSecond" IS NULL THEN @limit
      WHEN r."rateWindowStart" IS NULL OR r."rateWindowStart" <= @windowStart THEN r."ratePerSecond"
      ELSE r."ratePerSecond" - r."rateWindowCount"
    END AS rate_room
  FROM "WebhookRequest" r LEFT JOIN inflight i ON i.rid = r."id"
),
due AS (
  SELECT d."id", d."projectId", d."nextAttemptAt", room.slots, room.rate_room,
    ROW_NUMBER() OVER (PARTITION BY d."webhookRequestId" ORDER BY d."nextAttemptAt", d."id") AS rn
  FROM room JOIN "Delivery" d ON d."id" IN (
    SELECT x."id" FROM "Delivery" x
    WHERE x."webhookRequestId" = room.rid AND x."status" = 'pending' AND x."nextAttemptAt" <= @now
    ORDER BY x."nextAttemptAt" LIMIT @limit)
  WHERE room.slots > 0 AND room.rate_room > 0
),
candidates AS (
  SELECT "id", "projectId", "nextAttemptAt" FROM due WHERE rn <= slots AND rn <= rate_room
  UNION ALL
  SELECT * FROM (
    SELECT "id", "projectId", "nextAttemptAt" FROM "Delivery"
    WHERE "webhookRequestId" IS NULL AND "status" = 'pending' AND "nextAttemptAt" <= @now
    ORDER BY "nextAttemptAt" LIMIT @limit)
  UNION ALL
  SELECT * FROM (
    SELECT "id", "projectId", "nextAttemptAt" FROM "Delivery"
    WHERE "status" = 'sending' AND "leaseUntil" < @now
    LIMIT @limit)
),
chosen AS (
  SELECT "id" FROM (
    SELECT "id", "nextAttemptAt",
      ROW_NUMBER() OVER (PARTITION BY "projectId" ORDER BY "nextAttemptAt", "id") AS turn
    FROM candidates)
  ORDER BY turn, "nextAttemptAt" LIMIT @limit
)
UPDATE "Delivery"
SET "status" = 'sending', "leaseOwner" = @workerId, "leaseUntil" = @leaseUntil, "updatedAt" = @now
WHERE "id" IN (SELECT "id" FROM chosen)
RETURNING "id", "webhookRequestId"`;

// Counts the claimed deliveries into the request's current one-second window (or opens one).
const COUNT_INTO_RATE_WINDOW_SQL = `
UPDATE "WebhookRequest" SET
  "rateWindowCount" = CASE WHEN "rateWindowStart" IS NULL OR "rateWindowStart" <= @windowStart THEN @count ELSE "rateWindowCount" + @count END,
  "rateWindowStart" = CASE WHEN "rateWindowStart" IS NULL OR "rateWindowStart" <= @windowStart THEN @now ELSE "rateWindowStart" END
WHERE "id" = @requestId AND "ratePerSecond" IS NOT NULL`;

const RATE_WINDOW_MS = 1000;

// Two index probes: most wakes (an attempt finished, another process committed something)
// find nothing due, and then the claim statement, which looks at every request, is skipped.
const ANYTHING_DUE_SQL = `
SELECT EXISTS (SELECT 1 FROM "Delivery" WHERE "status" = 'pending' AND "nextAttemptAt" <= @now)
    OR EXISTS (SELECT 1 FROM "Delivery" WHERE "status" = 'sending' AND "leaseUntil" < @now)
  AS "due"`;

type ClaimInput = { workerId: string; limit: number; leaseMs: number; now?: Date };

const claimedRowSchema = z.object({ id: z.string(), webhookRequestId: z.string().nullable() });

/** Leases up to `limit` due deliveries to one worker and returns their ids. */
export async function claimDueDeliveryIds(input: ClaimInput): Promise<string[]> {
  if (input.limit <= 0) return [];
  if (!hasEngineConnection()) await db.$connect();
  const now = input.now ?? new Date();
  const anythingDue = await readOutsideTransaction(
    () =>
      statement(ANYTHING_DUE_SQL)
        .pluck()
        .get({ now: toSqlDate(now) }) === 1,
  );
  if (!anythingDue) return [];
  return writeTransaction(() => {
    const rows = statement(CLAIM_SQL)
      .all({
        now: toSqlDate(now),
        limit: input.limit,
        windowStart: toSqlDate(new Date(now.getTime() - RATE_WINDOW_MS)),
        workerId: input.workerId,
        leaseUntil: toSqlDate(new Date(now.getTime() + input.leaseMs)),
      })
      .map((row) => claimedRowSchema.parse(row));
    const perRequest = new Map<string, number>();
    for (const row of rows) {
      if (row.webhookRequestId)
        perRequest.set(row.webhookRequestId, (perRequest.get(row.webhookRequestId) ?? 0) + 1);
    }
    for (const [requestId, count] of perRequest) {
      statement(COUNT_INTO_RATE_WINDOW_SQL).run({
        now: toSqlDate(now),
        windowStart: toSqlDate(new Date(now.getTime() - RATE_WINDOW_MS)),
        count,
        requestId,
      });
    }
    return rows.map((row) => row.id);
  });
}

/** Same as claimDueDeliveryIds, returning the ids only (tests, tools). */
export const claimDueDeliveries = claimDueDeliveryIds;

/**
 * Leases a batch and returns everything needed to send it (the delivery, its call, its
 * request's config and its project's settings), read in one statement for the whole batch.
 */
export async function claimDeliveryBatch(input: ClaimInput): Promise<ClaimedDelivery[]> {
  const ids = await claimDueDeliveryIds(input);
  if (ids.length === 0) return [];
  return loadClaimedDeliveries(ids);
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
