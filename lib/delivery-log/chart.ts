import { db } from "../db/client";
import { sqlDialect } from "../db/dialect";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { HourlyBucket } from "./contract";

const HOUR_MS = 3_600_000;
export const CHART_DAYS = 7;
export const MAX_CHART_DAYS = 31;

function floorHour(time: number): number {
  return Math.floor(time / HOUR_MS) * HOUR_MS;
}

/**
 * Succeeded and failed deliveries per hour, every hour of [from, to) present (zero-filled),
 * oldest first; by default the last 7 days up to the current hour. Buckets are UTC hours (the
 * `hour` is an ISO instant): the page labels them in the project's time zone, and since zones
 * differ from UTC by whole hours for nearly every project, an hour bucket is an hour there too
 * (the few :30 / :45 zones see buckets straddling their local hours).
 */
export async function hourlyCounts(
  projectId: string,
  options: { from?: Date | string; to?: Date | string; eventId?: string } = {},
): Promise<HourlyBucket[]> {
  // [from, to) widened to whole hours; by default up to and including the current hour.
  const end = options.to
    ? floorHour(new Date(options.to).getTime() + HOUR_MS - 1)
    : floorHour(Date.now()) + HOUR_MS;
  const start = floorHour(
    options.from ? new Date(options.from).getTime() : end - CHART_DAYS * 24 * HOUR_MS,
  );
  if (Number.isNaN(start) || Number.isNaN(end) || start > end) {
    throw new AppError("validation_failed", { key: "chartRange" });
  }
  if (end - start > MAX_CHART_DAYS * 24 * HOUR_MS) {
    throw new AppError("validation_failed", {
      key: "chartTooLong",
      values: { days: MAX_CHART_DAYS },
    });
  }
  // With status IN (…) the count reads only the (projectId, status, createdAt) index.
  const byEvent = options.eventId
    ? Prisma.sql`AND "webhookEventId" = ${options.eventId}`
    : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ hour: string; status: string; n: number | bigint }>>`
    SELECT ${sqlDialect().utcHour(Prisma.sql`"createdAt"`)} AS "hour", "status", COUNT(*) AS "n"
    FROM "Delivery"
    WHERE "projectId" = ${projectId} AND "status" IN ('succeeded', 'failed')
      AND "createdAt" >= ${new Date(start)} AND "createdAt" < ${new Date(end)} ${byEvent}
    GROUP BY 1, 2`;
  const buckets = new Map<string, HourlyBucket>();
  for (let time = start; time < end; time += HOUR_MS) {
    const hour = new Date(time).toISOString();
    buckets.set(hour.slice(0, 13), { hour, succeeded: 0, failed: 0 });
  }
  for (const row of rows) {
    const bucket = buckets.get(row.hour);
    if (bucket && (row.status === "succeeded" || row.status === "failed")) {
      bucket[row.status] += Number(row.n);
    }
  }
  return [...buckets.values()];
}
