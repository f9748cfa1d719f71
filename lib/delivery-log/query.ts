// The one SQL reading of a delivery filter, shared by the list, the count, the export and the
// bulk actions, so "all that match the filters" means the same rows everywhere. Raw SQL because
// the text search needs LIKE with an ESCAPE clause (Prisma's `contains` passes % and _ through
// as wildcards) and the plans must stay on the (projectId, status, checkedAt, createdAt) and
// (projectId, webhookEventId, createdAt) indexes.
import { db } from "../db/client";
import { sqlDialect } from "../db/dialect";
import { AppError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { deliveryStatusSchema } from "../model/delivery-status";
import { redactUrl } from "../model/sensitive";
import { parseColumn } from "../model/stored";
import { describeTrigger } from "../model/trigger-types";
import { parseInstant } from "../render/dates";
import type { DeliveryFilter, DeliveryListItem, StatusFilter } from "./contract";
import type { CursorKey } from "./cursor";

export const RESPONSE_EXCERPT_LENGTH = 300;

export type DateRange = { from: Date | null; to: Date | null };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function nextDay(date: string): string {
  const [, y, m, d] = DATE_ONLY.exec(date) ?? [];
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + 1)).toISOString().slice(0, 10);
}

function instant(value: string, timeZone: string): Date {
  const time = parseInstant(value, timeZone);
  if (time === null) throw new AppError("validation_failed", `Not a date: ${value}`);
  return new Date(time);
}

/**
 * The filter's dates as instants. A bare date is a calendar day in the project's time zone (what
 * the admin sees on the page); `to` as a date includes that whole day, as a date-time it is the
 * exclusive end, so an hour picked on the chart is [hour, hour + 1h).
 */
export async function resolveDateRange(
  projectId: string,
  filter: DeliveryFilter,
): Promise<DateRange> {
  if (!filter.from && !filter.to) return { from: null, to: null };
  let timeZone = "UTC";
  if (DATE_ONLY.test(filter.from ?? "") || DATE_ONLY.test(filter.to ?? "")) {
    const project = await db.project.findUnique({
      where: { id: projectId },
      select: { timeZone: true },
    });
    timeZone = project?.timeZone ?? "UTC";
  }
  const to = filter.to
    ? instant(DATE_ONLY.test(filter.to) ? nextDay(filter.to) : filter.to, timeZone)
    : null;
  return { from: filter.from ? instant(filter.from, timeZone) : null, to };
}

/** `%text%` for LIKE … ESCAPE '\': the user's %, _ and \ match themselves. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const ERROR_KINDS_OF_OTHER = ["other", "invalid_url", "render"];

function statusSql(status: StatusFilter): Prisma.Sql {
  switch (status) {
    case "4xx":
      return Prisma.sql`d."lastStatusCode" BETWEEN 400 AND 499`;
    case "5xx":
      return Prisma.sql`d."lastStatusCode" BETWEEN 500 AND 599`;
    case "other":
      return Prisma.sql`(d."lastErrorKind" IN (${Prisma.join(ERROR_KINDS_OF_OTHER)}) OR (d."lastErrorKind" = 'http_status' AND (d."lastStatusCode" IS NULL OR d."lastStatusCode" NOT BETWEEN 400 AND 599)))`;
    default:
      return Prisma.sql`d."lastErrorKind" = ${status}`;
  }
}

/** The WHERE clause (alias `d` for "Delivery"), always scoped by the project. */
export function deliveryWhere(
  projectId: string,
  filter: DeliveryFilter,
  range: DateRange,
  after: CursorKey | null = null,
): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`d."projectId" = ${projectId}`];
  if ((filter.result ?? "failed") === "failed") {
    parts.push(Prisma.sql`d."status" = 'failed'`);
    if (!filter.includeChecked) parts.push(Prisma.sql`d."checkedAt" IS NULL`);
  }
  if (filter.eventId) parts.push(Prisma.sql`d."webhookEventId" = ${filter.eventId}`);
  if (filter.requestId) parts.push(Prisma.sql`d."webhookRequestId" = ${filter.requestId}`);
  if (range.from) parts.push(Prisma.sql`d."createdAt" >= ${range.from}`);
  if (range.to) parts.push(Prisma.sql`d."createdAt" < ${range.to}`);
  if (filter.status) parts.push(statusSql(filter.status));
  if (filter.q) {
    const pattern = likePattern(filter.q);
    const { likeInsensitive } = sqlDialect();
    const columns = [Prisma.sql`d."requestUrl"`, Prisma.sql`d."callId"`, Prisma.sql`d."caller"`];
    parts.push(
      Prisma.sql`(${Prisma.join(
        columns.map((column) => likeInsensitive(column, pattern)),
        " OR ",
      )})`,
    );
  }
  if (after) {
    // The first term lets the index range start at the cursor; the second breaks ties by id.
    parts.push(
      Prisma.sql`d."createdAt" <= ${after.createdAt} AND (d."createdAt" < ${after.createdAt} OR d."id" < ${after.id})`,
    );
  }
  return Prisma.join(parts, " AND ");
}

type ItemRow = {
  id: string;
  createdAt: Date | string;
  completedAt: Date | string | null;
  status: string;
  checkedAt: Date | string | null;
  webhookEventId: string | null;
  eventName: string;
  triggerType: string;
  webhookRequestId: string | null;
  requestMethod: string | null;
  requestUrl: string | null;
  lastStatusCode: number | bigint | null;
  lastErrorKind: string | null;
  lastError: string | null;
  responseExcerpt: string | null;
  attemptCount: number | bigint;
  maxAttempts: number | bigint;
  nextAttemptAt: Date | string;
  callId: string | null;
  caller: string | null;
};

export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function toIso(value: Date | string | null): string | null {
  return value === null ? null : toDate(value).toISOString();
}

function toItem(row: ItemRow): DeliveryListItem {
  const status = parseColumn(
    deliveryStatusSchema,
    row.status,
    { table: "Delivery", id: row.id },
    "status",
  );
  return {
    id: row.id,
    createdAt: toDate(row.createdAt).toISOString(),
    completedAt: toIso(row.completedAt),
    status,
    checkedAt: toIso(row.checkedAt),
    eventId: row.webhookEventId,
    eventName: row.eventName,
    triggerType: row.triggerType,
    trigger: describeTrigger(row.triggerType),
    requestId: row.webhookRequestId,
    method: row.requestMethod,
    // Stored redacted since attempts are; masked again for rows written before that.
    url: row.requestUrl === null ? null : redactUrl(row.requestUrl),
    httpStatus: row.lastStatusCode === null ? null : Number(row.lastStatusCode),
    errorKind: row.lastErrorKind,
    error: row.lastError,
    responseExcerpt: row.responseExcerpt,
    attempts: Number(row.attemptCount),
    maxAttempts: Number(row.maxAttempts),
    nextAttemptAt: status === "pending" ? toIso(row.nextAttemptAt) : null,
    callId: row.callId,
    caller: row.caller,
  };
}

/** The page query: newest first, `limit` rows of `where` (which holds the cursor, if any). */
export function deliveryPageSql(where: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT d."id", d."createdAt", d."completedAt", d."status", d."checkedAt", d."webhookEventId",
      d."eventName", d."triggerType", d."webhookRequestId", d."requestMethod", d."requestUrl",
      d."lastStatusCode", d."lastErrorKind", d."lastError", d."attemptCount", d."maxAttempts",
      d."nextAttemptAt", d."callId", d."caller",
      (SELECT substr(a."responseBody", 1, ${RESPONSE_EXCERPT_LENGTH}) FROM "Attempt" a
        WHERE a."deliveryId" = d."id" ORDER BY a."number" DESC LIMIT 1) AS "responseExcerpt"
    FROM "Delivery" d
    WHERE ${where}
    ORDER BY d."createdAt" DESC, d."id" DESC
    LIMIT ${limit}`;
}

export function deliveryCountSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) AS n FROM "Delivery" d WHERE ${where}`;
}

export async function selectDeliveryItems(
  where: Prisma.Sql,
  limit: number,
): Promise<DeliveryListItem[]> {
  const rows = await db.$queryRaw<ItemRow[]>(deliveryPageSql(where, limit));
  return rows.map(toItem);
}

export async function countDeliveries(where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number | bigint }>>(deliveryCountSql(where));
  return Number(row?.n ?? 0);
}
