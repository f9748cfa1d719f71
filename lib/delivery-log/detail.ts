import { db } from "../db/client";
import { fromSnapshot, renderedSnapshotSchema } from "../dispatch/rendered-snapshot";
import { notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { toCurl } from "../render";
import type { AttemptDetail, DeliveryDetail } from "./contract";
import { selectDeliveryItems } from "./query";
import { resendRefusal } from "./resend-rules";

const UTF8 = new TextDecoder("utf-8");

type AttemptRow = {
  number: number;
  startedAt: Date;
  durationMs: number;
  requestMethod: string;
  requestUrl: string;
  requestHeaders: Prisma.JsonValue;
  requestBody: Uint8Array | null;
  responseStatus: number | null;
  responseHeaders: Prisma.JsonValue;
  responseBody: string | null;
  responseTruncated: boolean;
  errorKind: string | null;
  error: string | null;
};

function headerList(value: Prisma.JsonValue): Array<{ name: string; value: string }> {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return [];
    const { name, value: text } = item as Record<string, unknown>;
    return typeof name === "string" && typeof text === "string" ? [{ name, value: text }] : [];
  });
}

function headerRecord(value: Prisma.JsonValue): Record<string, string | string[]> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  const out: Record<string, string | string[]> = {};
  for (const [name, item] of Object.entries(value)) {
    if (typeof item === "string") out[name] = item;
    else if (Array.isArray(item)) out[name] = item.map(String);
  }
  return out;
}

/** `snapshotBody`: the delivery's rendered body, which attempts that sent it do not repeat. */
function toAttemptDetail(row: AttemptRow, snapshotBody: Uint8Array | null): AttemptDetail {
  const body = row.requestBody ?? snapshotBody;
  return {
    number: row.number,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    request: {
      method: row.requestMethod,
      url: row.requestUrl,
      headers: headerList(row.requestHeaders),
      body: body === null ? null : UTF8.decode(body),
    },
    response:
      row.responseStatus === null
        ? null
        : {
            status: row.responseStatus,
            headers: headerRecord(row.responseHeaders),
            body: row.responseBody,
            truncated: row.responseTruncated,
          },
    errorKind: row.errorKind,
    error: row.error,
  };
}

/** One delivery of the project with its call event and every attempt; 404 for any other id. */
export async function getDeliveryDetail(projectId: string, id: string): Promise<DeliveryDetail> {
  const [item] = await selectDeliveryItems(
    Prisma.sql`d."projectId" = ${projectId} AND d."id" = ${id}`,
    1,
  );
  const row = await db.delivery.findFirst({
    where: { id, projectId },
    select: {
      status: true,
      rendered: true,
      webhookRequestId: true,
      webhookRequest: { select: { pausedAt: true, pausedReason: true } },
      callEvent: { select: { id: true, triggerType: true, occurredAt: true, call: true } },
      attempts: {
        orderBy: { number: "asc" },
        select: {
          number: true,
          startedAt: true,
          durationMs: true,
          requestMethod: true,
          requestUrl: true,
          requestHeaders: true,
          requestBody: true,
          responseStatus: true,
          responseHeaders: true,
          responseBody: true,
          responseTruncated: true,
          errorKind: true,
          error: true,
        },
      },
    },
  });
  if (!item || !row) throw notFound("Delivery");
  const call = row.callEvent.call;
  const parsedSnapshot = renderedSnapshotSchema.safeParse(row.rendered);
  const snapshot = parsedSnapshot.success ? fromSnapshot(parsedSnapshot.data) : null;
  const { attempts: attemptCount, ...listed } = item;
  return {
    ...listed,
    attemptCount,
    callEvent: {
      id: row.callEvent.id,
      type: row.callEvent.triggerType,
      occurredAt: row.callEvent.occurredAt.toISOString(),
      call:
        typeof call === "object" && call !== null && !Array.isArray(call)
          ? (call as Record<string, unknown>)
          : {},
    },
    attempts: row.attempts.map((attempt) => toAttemptDetail(attempt, snapshot?.body ?? null)),
    curl: snapshot ? toCurl(snapshot) : null,
    resendBlockedReason: resendRefusal({
      status: row.status,
      hasSnapshot: row.rendered !== null,
      hasRequest: row.webhookRequestId !== null,
      pausedAt: row.webhookRequest?.pausedAt ?? null,
      pausedReason: row.webhookRequest?.pausedReason ?? null,
    }),
  };
}
