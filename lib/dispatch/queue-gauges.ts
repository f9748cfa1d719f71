// The queue gauges are the database's state, not this process's: computed when scraped, with
// one statement on the (status, nextAttemptAt) index, so every web process reports the same
// shared queue.
import { z } from "zod";
import { db } from "../db/client";
import { metrics } from "../observability/metrics";

const countSchema = z.union([z.number(), z.bigint(), z.null()]).transform((n) => Number(n ?? 0));
// SQLite hands a raw timestamp back as its ISO text, PostgreSQL as a Date.
const instantSchema = z
  .union([z.date(), z.string(), z.null()])
  .transform((value) => (value === null ? null : new Date(value)));

const queueRowSchema = z.object({
  due: countSchema,
  scheduled: countSchema,
  sending: countSchema,
  oldestDue: instantSchema,
});

export type QueueSnapshot = {
  due: number;
  scheduled: number;
  sending: number;
  oldestDueAgeSeconds: number;
};

export async function readQueueSnapshot(now = new Date()): Promise<QueueSnapshot> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT
      SUM(CASE WHEN "status" = 'pending' AND "nextAttemptAt" <= ${now} THEN 1 ELSE 0 END) AS "due",
      SUM(CASE WHEN "status" = 'pending' AND "nextAttemptAt" > ${now} THEN 1 ELSE 0 END) AS "scheduled",
      SUM(CASE WHEN "status" = 'sending' THEN 1 ELSE 0 END) AS "sending",
      MIN(CASE WHEN "status" = 'pending' AND "nextAttemptAt" <= ${now} THEN "nextAttemptAt" END) AS "oldestDue"
    FROM "Delivery"
    WHERE "status" IN ('pending', 'sending')`;
  const row = queueRowSchema.parse(rows[0]);
  const waitedMs = row.oldestDue ? now.getTime() - row.oldestDue.getTime() : 0;
  return {
    due: row.due,
    scheduled: row.scheduled,
    sending: row.sending,
    oldestDueAgeSeconds: Math.max(0, waitedMs) / 1000,
  };
}

export async function updateQueueGauges(now = new Date()): Promise<QueueSnapshot> {
  const snapshot = await readQueueSnapshot(now);
  const { queueDepth, oldestDueAgeSeconds } = metrics();
  queueDepth.set({ state: "due" }, snapshot.due);
  queueDepth.set({ state: "scheduled" }, snapshot.scheduled);
  queueDepth.set({ state: "sending" }, snapshot.sending);
  oldestDueAgeSeconds.set(snapshot.oldestDueAgeSeconds);
  return snapshot;
}
