import { z } from "zod";
import { db } from "../db/client";
import { hasEngineConnection, statement, writeTransaction } from "../db/engine-connection";
import { type CallEvent, callEventSchema } from "../model/call-event";
import { callMatchesConditions } from "./conditions";
import { loadMatchingEvents } from "./matching-events";
import { newId, toSqlDate } from "./sql-values";
import { wakeWorkers } from "./wake";

export type IngestResult = { created: boolean; callEventId: string; deliveries: string[] };

const PREVIOUS_SQL = `
SELECT c."id" AS "callEventId", d."id" AS "deliveryId"
FROM "CallEvent" c LEFT JOIN "Delivery" d ON d."callEventId" = c."id"
WHERE c."projectId" = @projectId AND c."externalId" = @externalId
ORDER BY d."createdAt", d."id"`;

const INSERT_CALL_EVENT_SQL = `
INSERT INTO "CallEvent" ("id", "projectId", "externalId", "triggerType", "occurredAt", "receivedAt", "call")
VALUES (?, ?, ?, ?, ?, ?, ?)`;

const INSERT_DELIVERY_SQL = `
INSERT INTO "Delivery" ("id", "projectId", "callEventId", "webhookEventId", "webhookRequestId",
  "eventName", "triggerType", "callId", "caller", "requestMethod", "requestUrl", "status",
  "attemptCount", "maxAttempts", "nextAttemptAt", "createdAt", "updatedAt")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)`;

const previousRowSchema = z.object({ callEventId: z.string(), deliveryId: z.string().nullable() });

function previousResult(projectId: string, externalId: string): IngestResult | null {
  const rows = statement(PREVIOUS_SQL)
    .all({ projectId, externalId })
    .map((row) => previousRowSchema.parse(row));
  const first = rows[0];
  if (!first) return null;
  return {
    created: false,
    callEventId: first.callEventId,
    deliveries: rows.flatMap((row) => (row.deliveryId ? [row.deliveryId] : [])),
  };
}

/**
 * Stores a call event and one delivery per webhook request of every enabled, matching event of
 * its trigger type, in one transaction: an accepted event is never lost. The same `id` again
 * returns the first result and writes nothing. The whole of it is one synchronous write
 * transaction of prepared statements, so two requests with the same id cannot both write, in
 * this process or another.
 */
export async function ingestCallEvent(projectId: string, body: unknown): Promise<IngestResult> {
  const event: CallEvent = callEventSchema.parse(body);
  if (!hasEngineConnection()) await db.$connect();
  const result = await writeTransaction((): IngestResult => {
    if (event.id) {
      const previous = previousResult(projectId, event.id);
      if (previous) return previous;
    }
    const now = new Date();
    const at = toSqlDate(now);
    const callEventId = newId();
    statement(INSERT_CALL_EVENT_SQL).run(
      callEventId,
      projectId,
      event.id ?? null,
      event.type,
      toSqlDate(new Date(event.occurredAt)),
      at,
      JSON.stringify(event.call),
    );
    const caller = typeof event.call.caller === "string" ? event.call.caller : null;
    const deliveries: string[] = [];
    for (const webhookEvent of loadMatchingEvents(projectId, event.type)) {
      if (!callMatchesConditions(event.call, webhookEvent.conditions)) continue;
      for (const request of webhookEvent.requests) {
        const id = newId();
        statement(INSERT_DELIVERY_SQL).run(
          id,
          projectId,
          callEventId,
          webhookEvent.id,
          request.id,
          webhookEvent.name,
          event.type,
          event.call.uniqueid,
          caller,
          request.method,
          // The URL template until the first attempt replaces it with the rendered URL.
          request.url,
          request.retryAttempts,
          at,
          at,
          at,
        );
        deliveries.push(id);
      }
    }
    return { created: true, callEventId, deliveries };
  });
  if (result.created && result.deliveries.length > 0) wakeWorkers();
  return result;
}
