import { z } from "zod";
import { db } from "../db/client";
import { fromSnapshot, parseRenderedSnapshot } from "../dispatch/rendered-snapshot";
import { notFound } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { redactRequest } from "../model/sensitive";
import { parseColumn, type RowRef } from "../model/stored";
import { toCurl } from "../render";
import type { AttemptDetail, DeliveryDetail } from "./contract";
import { selectDeliveryItems } from "./query";
import { describeRefusal } from "./refusal-words";
import { type ResendRefusal, resendRefusal } from "./resend-rules";

const UTF8 = new TextDecoder("utf-8");

type AttemptRow = {
  id: string;
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

// The headers as sent: in order, duplicates kept.
const requestHeadersColumn = z.array(z.object({ name: z.string(), value: z.string() }));
// The headers as Node's client reports them: repeated ones (Set-Cookie) as a list.
const responseHeadersColumn = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .nullable()
  .transform((headers) => headers ?? {});
const callColumn = z.record(z.string(), z.unknown());

/** `snapshotBody`: the delivery's rendered body, which attempts that sent it do not repeat. */
function toAttemptDetail(row: AttemptRow, snapshotBody: Uint8Array | null): AttemptDetail {
  const ref: RowRef = { table: "Attempt", id: row.id };
  const body = row.requestBody ?? snapshotBody;
  return {
    number: row.number,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    // Stored redacted; masked again here for attempts written before redaction.
    request: redactRequest({
      method: row.requestMethod,
      url: row.requestUrl,
      headers: parseColumn(requestHeadersColumn, row.requestHeaders, ref, "requestHeaders"),
      body: body === null ? null : UTF8.decode(body),
    }),
    response:
      row.responseStatus === null
        ? null
        : {
            status: row.responseStatus,
            headers: parseColumn(
              responseHeadersColumn,
              row.responseHeaders,
              ref,
              "responseHeaders",
            ),
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
          id: true,
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
  const snapshot =
    row.rendered === null
      ? null
      : redactRequest(fromSnapshot(parseRenderedSnapshot(row.rendered, id)));
  const { attempts: attemptCount, ...listed } = item;
  return {
    ...listed,
    attemptCount,
    callEvent: {
      id: row.callEvent.id,
      type: row.callEvent.triggerType,
      occurredAt: row.callEvent.occurredAt.toISOString(),
      call: parseColumn(
        callColumn,
        row.callEvent.call,
        { table: "CallEvent", id: row.callEvent.id },
        "call",
      ),
    },
    attempts: row.attempts.map((attempt) => toAttemptDetail(attempt, snapshot?.body ?? null)),
    curl: snapshot ? toCurl(snapshot) : null,
    ...blocked(
      resendRefusal({
        status: row.status,
        hasSnapshot: row.rendered !== null,
        hasRequest: row.webhookRequestId !== null,
        pausedAt: row.webhookRequest?.pausedAt ?? null,
        pausedReason: row.webhookRequest?.pausedReason ?? null,
      }),
    ),
  };
}

function blocked(refusal: ResendRefusal | null) {
  if (!refusal) return { resendBlockedReason: null, resendBlockedText: null };
  const { reason, reasonText } = describeRefusal(refusal);
  return { resendBlockedReason: reason, resendBlockedText: reasonText };
}
