// Bulk writer for the demo data: prepared better-sqlite3 statements, one transaction per batch.
// Values are written exactly as Prisma's SQLite adapter writes them, so the app reads them back
// unchanged: instants as ISO text with +00:00, Json as JSON text, Bytes as blobs, booleans 0/1.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { toSnapshot } from "../dispatch/rendered-snapshot";
import type { RenderedRequest } from "../render";
import type { DemoOutcome } from "./outcomes";

export type DemoAttempt = { id: string; number: number; startedAt: Date; outcome: DemoOutcome };

export type DemoDelivery = {
  id: string;
  webhookEventId: string;
  webhookRequestId: string;
  eventName: string;
  status: "succeeded" | "failed";
  maxAttempts: number;
  rendered: RenderedRequest;
  attempts: DemoAttempt[];
  completedAt: Date;
  checkedAt: Date | null;
  checkedById: string | null;
};

export type DemoRows = {
  callEvent: {
    id: string;
    projectId: string;
    triggerType: string;
    at: Date;
    call: Record<string, unknown>;
  };
  deliveries: DemoDelivery[];
};

export type DemoWriter = {
  /** A cuid-shaped id (25 characters) that starts with the time, unique across runs. */
  newId: (at: Date) => string;
  write: (batch: DemoRows[]) => void;
  close: () => void;
};

const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
const isoOrNull = (date: Date | null) => (date ? iso(date) : null);

export function openDemoWriter(file: string): DemoWriter {
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 10000");
  // 256 MiB of page cache for this connection: index pages stay in memory between batches.
  sqlite.pragma("cache_size = -262144");
  const insertCallEvent = sqlite.prepare(`INSERT INTO "CallEvent"
    ("id", "projectId", "externalId", "triggerType", "occurredAt", "receivedAt", "call")
    VALUES (?, ?, NULL, ?, ?, ?, ?)`);
  const insertDelivery = sqlite.prepare(`INSERT INTO "Delivery"
    ("id", "projectId", "callEventId", "webhookEventId", "webhookRequestId", "eventName",
     "triggerType", "callId", "caller", "requestMethod", "requestUrl", "status", "attemptCount",
     "maxAttempts", "nextAttemptAt", "rendered", "lastStatusCode", "lastErrorKind", "lastError",
     "checkedAt", "checkedById", "createdAt", "updatedAt", "completedAt")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertAttempt = sqlite.prepare(`INSERT INTO "Attempt"
    ("id", "deliveryId", "number", "startedAt", "durationMs", "requestMethod", "requestUrl",
     "requestHeaders", "requestBody", "responseStatus", "responseHeaders", "responseBody",
     "responseTruncated", "errorKind", "error")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);

  const run = randomBytes(4).readUInt32BE(0).toString(36).padStart(7, "0").slice(-6);
  let counter = 0;
  const newId = (at: Date) => {
    counter += 1;
    const time = at.getTime().toString(36).padStart(8, "0").slice(-8);
    const rest = Math.floor(Math.random() * 36 ** 4)
      .toString(36)
      .padStart(4, "0");
    return `c${time}${run}${counter.toString(36).padStart(6, "0")}${rest}`;
  };

  const writeDelivery = (rows: DemoRows, delivery: DemoDelivery, receivedAt: Date) => {
    const { callEvent } = rows;
    const { rendered } = delivery;
    const last = delivery.attempts.at(-1);
    const caller = callEvent.call.caller;
    insertDelivery.run(
      delivery.id,
      callEvent.projectId,
      callEvent.id,
      delivery.webhookEventId,
      delivery.webhookRequestId,
      delivery.eventName,
      callEvent.triggerType,
      String(callEvent.call.uniqueid ?? ""),
      typeof caller === "string" ? caller : null,
      rendered.method,
      rendered.url,
      delivery.status,
      delivery.attempts.length,
      delivery.maxAttempts,
      iso(last?.startedAt ?? receivedAt),
      JSON.stringify(toSnapshot(rendered)),
      last?.outcome.status ?? null,
      last?.outcome.errorKind ?? null,
      last?.outcome.error ?? null,
      isoOrNull(delivery.checkedAt),
      delivery.checkedById,
      iso(receivedAt),
      iso(delivery.checkedAt ?? delivery.completedAt),
      iso(delivery.completedAt),
    );
    const headers = [...rendered.headers, { name: "X-Webhook-Delivery", value: delivery.id }];
    const requestHeaders = JSON.stringify(headers);
    const body = rendered.body ? Buffer.from(rendered.body) : null;
    for (const attempt of delivery.attempts) {
      const { outcome } = attempt;
      insertAttempt.run(
        attempt.id,
        delivery.id,
        attempt.number,
        iso(attempt.startedAt),
        outcome.durationMs,
        rendered.method,
        rendered.url,
        requestHeaders,
        body,
        outcome.status,
        outcome.headers ? JSON.stringify(outcome.headers) : null,
        outcome.body,
        outcome.errorKind,
        outcome.error,
      );
    }
  };

  const write = sqlite.transaction((batch: DemoRows[]) => {
    for (const rows of batch) {
      const { callEvent } = rows;
      const receivedAt = new Date(callEvent.at.getTime() + 40);
      insertCallEvent.run(
        callEvent.id,
        callEvent.projectId,
        callEvent.triggerType,
        iso(callEvent.at),
        iso(receivedAt),
        JSON.stringify(callEvent.call),
      );
      for (const delivery of rows.deliveries) writeDelivery(rows, delivery, receivedAt);
    }
  });

  return { newId, write: (batch) => write(batch), close: () => sqlite.close() };
}
