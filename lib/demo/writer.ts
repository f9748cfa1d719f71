// Bulk writer for the demo data, one transaction per batch. On SQLite: prepared better-sqlite3
// statements, values written exactly as Prisma's SQLite adapter writes them, so the app reads
// them back unchanged (instants as ISO text with +00:00, Json as JSON text, Bytes as blobs,
// booleans 0/1). On PostgreSQL: one multi-row INSERT per table and batch, through pg.
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { toSnapshot } from "../dispatch/rendered-snapshot";
import { databaseEngine, databaseFile } from "../env";
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
  write: (batch: DemoRows[]) => Promise<void>;
  close: () => Promise<void>;
};

const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
const isoOrNull = (date: Date | null) => (date ? iso(date) : null);

function idMaker(): (at: Date) => string {
  const run = randomBytes(4).readUInt32BE(0).toString(36).padStart(7, "0").slice(-6);
  let counter = 0;
  return (at: Date) => {
    counter += 1;
    const time = at.getTime().toString(36).padStart(8, "0").slice(-8);
    const rest = Math.floor(Math.random() * 36 ** 4)
      .toString(36)
      .padStart(4, "0");
    return `c${time}${run}${counter.toString(36).padStart(6, "0")}${rest}`;
  };
}

/** A writer for the database at `url` (a file: URL is SQLite, a postgresql:// URL PostgreSQL). */
export async function openDemoWriter(url: string): Promise<DemoWriter> {
  return databaseEngine(url) === "postgresql"
    ? openPostgresWriter(url)
    : openSqliteWriter(databaseFile(url));
}

function openSqliteWriter(file: string): DemoWriter {
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

  return {
    newId: idMaker(),
    write: async (batch) => {
      write(batch);
    },
    close: async () => {
      sqlite.close();
    },
  };
}

const PG_CALL_EVENTS_SQL = `
INSERT INTO "CallEvent" ("id", "projectId", "externalId", "triggerType", "occurredAt", "receivedAt", "call")
SELECT id, project_id, NULL, trigger_type, occurred_at, received_at, call
FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::jsonb[])
  AS t(id, project_id, trigger_type, occurred_at, received_at, call)`;

const PG_DELIVERIES_SQL = `
INSERT INTO "Delivery" ("id", "projectId", "callEventId", "webhookEventId", "webhookRequestId",
  "eventName", "triggerType", "callId", "caller", "requestMethod", "requestUrl", "status",
  "attemptCount", "maxAttempts", "nextAttemptAt", "rendered", "lastStatusCode", "lastErrorKind",
  "lastError", "checkedAt", "checkedById", "createdAt", "updatedAt", "completedAt")
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
  $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::int[],
  $15::timestamptz[], $16::jsonb[], $17::int[], $18::text[], $19::text[], $20::timestamptz[],
  $21::text[], $22::timestamptz[], $23::timestamptz[], $24::timestamptz[])`;

const PG_ATTEMPTS_SQL = `
INSERT INTO "Attempt" ("id", "deliveryId", "number", "startedAt", "durationMs", "requestMethod",
  "requestUrl", "requestHeaders", "requestBody", "responseStatus", "responseHeaders",
  "responseBody", "responseTruncated", "errorKind", "error")
SELECT id, delivery_id, number, started_at, duration_ms, method, url, request_headers,
  request_body, response_status, response_headers, response_body, false, error_kind, error
FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::int[], $6::text[],
  $7::text[], $8::jsonb[], $9::bytea[], $10::int[], $11::jsonb[], $12::text[], $13::text[],
  $14::text[])
  AS t(id, delivery_id, number, started_at, duration_ms, method, url, request_headers,
    request_body, response_status, response_headers, response_body, error_kind, error)`;

/** Columns of one table, filled row by row and sent as one array per column. */
function columns<T extends string>(names: readonly T[]) {
  const data: unknown[][] = names.map(() => []);
  let rows = 0;
  return {
    push(row: Record<T, unknown>) {
      names.forEach((name, index) => {
        data[index]?.push(row[name]);
      });
      rows += 1;
    },
    values: () => data,
    size: () => rows,
  };
}

async function openPostgresWriter(url: string): Promise<DemoWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const write = async (batch: DemoRows[]) => {
    const calls = columns(["id", "projectId", "type", "occurredAt", "receivedAt", "call"]);
    const deliveries = columns([
      "id",
      "projectId",
      "callEventId",
      "webhookEventId",
      "webhookRequestId",
      "eventName",
      "triggerType",
      "callId",
      "caller",
      "method",
      "url",
      "status",
      "attemptCount",
      "maxAttempts",
      "nextAttemptAt",
      "rendered",
      "lastStatusCode",
      "lastErrorKind",
      "lastError",
      "checkedAt",
      "checkedById",
      "createdAt",
      "updatedAt",
      "completedAt",
    ]);
    const attempts = columns([
      "id",
      "deliveryId",
      "number",
      "startedAt",
      "durationMs",
      "method",
      "url",
      "headers",
      "body",
      "status",
      "responseHeaders",
      "responseBody",
      "errorKind",
      "error",
    ]);
    for (const { callEvent, deliveries: rows } of batch) {
      const receivedAt = new Date(callEvent.at.getTime() + 40);
      calls.push({
        id: callEvent.id,
        projectId: callEvent.projectId,
        type: callEvent.triggerType,
        occurredAt: callEvent.at,
        receivedAt,
        call: JSON.stringify(callEvent.call),
      });
      const caller = callEvent.call.caller;
      for (const delivery of rows) {
        const { rendered } = delivery;
        const last = delivery.attempts.at(-1);
        deliveries.push({
          id: delivery.id,
          projectId: callEvent.projectId,
          callEventId: callEvent.id,
          webhookEventId: delivery.webhookEventId,
          webhookRequestId: delivery.webhookRequestId,
          eventName: delivery.eventName,
          triggerType: callEvent.triggerType,
          callId: String(callEvent.call.uniqueid ?? ""),
          caller: typeof caller === "string" ? caller : null,
          method: rendered.method,
          url: rendered.url,
          status: delivery.status,
          attemptCount: delivery.attempts.length,
          maxAttempts: delivery.maxAttempts,
          nextAttemptAt: last?.startedAt ?? receivedAt,
          rendered: JSON.stringify(toSnapshot(rendered)),
          lastStatusCode: last?.outcome.status ?? null,
          lastErrorKind: last?.outcome.errorKind ?? null,
          lastError: last?.outcome.error ?? null,
          checkedAt: delivery.checkedAt,
          checkedById: delivery.checkedById,
          createdAt: receivedAt,
          updatedAt: delivery.checkedAt ?? delivery.completedAt,
          completedAt: delivery.completedAt,
        });
        const headers = JSON.stringify([
          ...rendered.headers,
          { name: "X-Webhook-Delivery", value: delivery.id },
        ]);
        const body = rendered.body ? Buffer.from(rendered.body) : null;
        for (const attempt of delivery.attempts) {
          const { outcome } = attempt;
          attempts.push({
            id: attempt.id,
            deliveryId: delivery.id,
            number: attempt.number,
            startedAt: attempt.startedAt,
            durationMs: outcome.durationMs,
            method: rendered.method,
            url: rendered.url,
            headers,
            body,
            status: outcome.status,
            responseHeaders: outcome.headers ? JSON.stringify(outcome.headers) : null,
            responseBody: outcome.body,
            errorKind: outcome.errorKind,
            error: outcome.error,
          });
        }
      }
    }
    if (calls.size() === 0) return;
    await client.query("BEGIN");
    try {
      await client.query(PG_CALL_EVENTS_SQL, calls.values());
      if (deliveries.size() > 0) await client.query(PG_DELIVERIES_SQL, deliveries.values());
      if (attempts.size() > 0) await client.query(PG_ATTEMPTS_SQL, attempts.values());
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  };
  return { newId: idMaker(), write, close: () => client.end() };
}
