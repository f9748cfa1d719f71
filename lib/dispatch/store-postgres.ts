// The engine's statements on PostgreSQL, run through the `pg` driver on the process's pool
// (shared with Prisma's adapter, see ../db/postgres-pool) with parameterised queries. Any
// number of web and worker processes share the queue; wake-ups travel by LISTEN/NOTIFY.
import pg from "pg";
import { z } from "zod";
import { inPostgresTransaction, postgresPool } from "../db/postgres-pool";
import { env } from "../env";
import type { WebhookRequest } from "../generated/prisma/client";
import type { CallEvent } from "../model/call-event";
import { redactUrl } from "../model/sensitive";
import { TRIGGER_TYPES, type TriggerType } from "../model/trigger-types";
import {
  cachedMatchingEvents,
  groupMatchingEvents,
  rememberMatchingEvents,
} from "./matching-events";
import { pauseReason, RATE_WINDOW_MS } from "./queue-rules";
import { renderedSnapshotSchema } from "./rendered-snapshot";
import { toClaimedDelivery } from "./request-configs";
import { newId } from "./sql-values";
import type {
  ClaimedDelivery,
  ClaimInput,
  EngineStore,
  MatchingEvent,
  PlannedDelivery,
  QueueWatcher,
  Settlement,
  StoredIngest,
} from "./store-types";

/**
 * A named statement: pg prepares it once per connection, so PostgreSQL parses it once instead
 * of on every call (the claim statement takes longer to parse and plan than to run).
 */
function named(name: string, text: string): { name: string; text: string } {
  return { name: `webhooks_${name}`, text };
}

/** The channel ingest and resend notify and workers listen on. */
export const QUEUE_CHANNEL = "webhooks_queue";
const NOTIFY_SQL = `SELECT pg_notify('${QUEUE_CHANNEL}', '')`;

// ---------------------------------------------------------------------------------------------
// Ingest

// With an external id the insert is the idempotency check: the unique (projectId, externalId)
// index makes a second request with the same id wait for the first to commit and then insert
// nothing, and it reads the first one's result instead. It also returns the project's config
// version (which the events cache is checked against), saving a round trip.
const INSERT_CALL_EVENT_SQL = `
INSERT INTO "CallEvent" ("id", "projectId", "externalId", "triggerType", "occurredAt", "receivedAt", "call", "bodyHash")
VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7::jsonb, $8)
ON CONFLICT ("projectId", "externalId") DO NOTHING
RETURNING (SELECT "webhookConfigVersion" FROM "Project" WHERE "id" = $2) AS "version"`;

const PREVIOUS_SQL = `
SELECT c."id" AS "callEventId", c."bodyHash", d."id" AS "deliveryId"
FROM "CallEvent" c LEFT JOIN "Delivery" d ON d."callEventId" = c."id"
WHERE c."projectId" = $1 AND c."externalId" = $2
ORDER BY d."createdAt", d."id"`;

// Events in creation order, each event's requests in position order: the order deliveries are
// written and listed in. Paused requests get no new deliveries.
const EVENTS_SQL = `
SELECT e."id" AS "eventId", e."name", e."conditions", r."id" AS "requestId", r."method", r."url",
  r."retryAttempts"
FROM "WebhookEvent" e
JOIN "WebhookRequest" r ON r."eventId" = e."id" AND r."pausedAt" IS NULL
WHERE e."projectId" = $1 AND e."triggerType" = $2 AND e."enabled"
ORDER BY e."createdAt", e."id", r."position"`;

// Every delivery of the call in one statement, and the notification with it: PostgreSQL
// delivers it to the listening workers when (and only if) the transaction commits.
const INSERT_DELIVERIES_SQL = `
WITH inserted AS (
  INSERT INTO "Delivery" ("id", "projectId", "callEventId", "webhookEventId", "webhookRequestId",
    "eventName", "triggerType", "callId", "caller", "requestMethod", "requestUrl", "status",
    "attemptCount", "maxAttempts", "nextAttemptAt", "createdAt", "updatedAt")
  SELECT d.id, $2, $3, d.event_id, d.request_id, d.event_name, $4, $5, $6, d.method, d.url,
    'pending', 0, d.max_attempts, $7::timestamptz, $7::timestamptz, $7::timestamptz
  FROM unnest($1::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[])
    AS d(id, event_id, request_id, event_name, method, url, max_attempts)
  RETURNING 1
)
SELECT pg_notify('${QUEUE_CHANNEL}', '') FROM (SELECT COUNT(*) AS n FROM inserted) counted WHERE n > 0`;

const previousRowSchema = z.object({
  callEventId: z.string(),
  bodyHash: z.string().nullable(),
  deliveryId: z.string().nullable(),
});
const versionSchema = z.object({ version: z.number().int() });
const eventRowSchema = z.object({
  eventId: z.string(),
  name: z.string(),
  conditions: z.unknown(),
  requestId: z.string(),
  method: z.string(),
  url: z.string(),
  retryAttempts: z.number().int(),
});

/** The project's events, from the cache when its config version (read by the insert) is known. */
async function loadMatchingEvents(
  client: pg.ClientBase,
  projectId: string,
  type: TriggerType,
  version: number,
): Promise<MatchingEvent[]> {
  const cached = cachedMatchingEvents(projectId, type, version);
  if (cached) return cached;
  const { rows } = await client.query(named("matching_events", EVENTS_SQL), [projectId, type]);
  const events = groupMatchingEvents(rows.map((row) => eventRowSchema.parse(row)));
  rememberMatchingEvents(projectId, type, version, events);
  return events;
}

async function ingest(
  projectId: string,
  event: CallEvent,
  bodyHash: string,
  plan: (events: MatchingEvent[]) => PlannedDelivery[],
): Promise<StoredIngest> {
  return inPostgresTransaction(async (client): Promise<StoredIngest> => {
    const now = new Date();
    const callEventId = newId();
    const inserted = await client.query(named("insert_call_event", INSERT_CALL_EVENT_SQL), [
      callEventId,
      projectId,
      event.id ?? null,
      event.type,
      new Date(event.occurredAt),
      now,
      JSON.stringify(event.call),
      bodyHash,
    ]);
    if (inserted.rows.length === 0 && event.id) {
      const rows = (
        await client.query(named("previous_result", PREVIOUS_SQL), [projectId, event.id])
      ).rows.map((row) => previousRowSchema.parse(row));
      return {
        created: false,
        callEventId: rows[0]?.callEventId ?? "",
        bodyHash: rows[0]?.bodyHash ?? null,
        deliveries: rows.flatMap((row) => (row.deliveryId ? [row.deliveryId] : [])),
      };
    }
    const { version } = versionSchema.parse(inserted.rows[0]);
    const planned = plan(await loadMatchingEvents(client, projectId, event.type, version));
    const deliveries = planned.map(() => newId());
    if (planned.length > 0) {
      const caller = typeof event.call.caller === "string" ? event.call.caller : null;
      await client.query(named("insert_deliveries", INSERT_DELIVERIES_SQL), [
        deliveries,
        projectId,
        callEventId,
        event.type,
        String(event.call.uniqueid),
        caller,
        now,
        planned.map((item) => item.event.id),
        planned.map((item) => item.request.id),
        planned.map((item) => item.event.name),
        planned.map((item) => item.request.method),
        // The URL template until the first attempt replaces it with the rendered URL.
        planned.map((item) => redactUrl(item.request.url)),
        planned.map((item) => item.request.retryAttempts),
      ]);
    }
    return { created: true, callEventId, deliveries, bodyHash };
  });
}

// ---------------------------------------------------------------------------------------------
// Claim

// Why an advisory lock as well as SKIP LOCKED: SKIP LOCKED alone keeps two workers off the
// same rows, but the limits are counts over other rows (a request's deliveries in flight, its
// rate window, the turns across projects), and each claim counts them on its own snapshot.
// Mostly that is harmless (concurrent claims pick the same first rows of each request's queue,
// so the later one skips them), but not when their pictures differ: a claim whose snapshot
// predates another's commit, picking rows further down than the first one did (a retry that
// came due meanwhile, a different batch limit), adds its leases to the other's and exceeds
// maxInFlight or the rate. The transaction-scoped advisory lock makes claims take turns (a
// claim is one statement of a few milliseconds), and the statement after it sees every claim
// committed before it. Ingest, settle and renewal never take this lock, so they never wait on
// it. SKIP LOCKED stays on the picked rows: a row a settle or resend is writing at that moment
// is left for the next claim instead of making every worker wait behind that transaction.
const CLAIM_LOCK_KEY = 72707370;

// The same pick as SQLite's (see store-sqlite.ts): each request contributes at most its free
// in-flight slots and what is left of its rate window, probed through its own index range;
// then turns across projects. The rate window is counted in the same statement.
const CLAIM_SQL = `
WITH inflight AS (
  SELECT "webhookRequestId" AS rid, COUNT(*)::int AS n FROM "Delivery"
  WHERE "status" = 'sending' AND "leaseUntil" >= $1::timestamptz AND "webhookRequestId" IS NOT NULL
  GROUP BY "webhookRequestId"
),
room AS (
  SELECT r."id" AS rid,
    r."maxInFlight" - COALESCE(i.n, 0) AS slots,
    CASE
      WHEN r."ratePerSecond" IS NULL THEN $2::int
      WHEN r."rateWindowStart" IS NULL OR r."rateWindowStart" <= $3::timestamptz THEN r."ratePerSecond"
      ELSE r."ratePerSecond" - r."rateWindowCount"
    END AS rate_room
  FROM "WebhookRequest" r LEFT JOIN inflight i ON i.rid = r."id"
),
due AS (
  SELECT d."id", d."projectId", d."nextAttemptAt", room.slots, room.rate_room,
    ROW_NUMBER() OVER (PARTITION BY room.rid ORDER BY d."nextAttemptAt", d."id") AS rn
  FROM room CROSS JOIN LATERAL (
    SELECT x."id", x."projectId", x."nextAttemptAt" FROM "Delivery" x
    WHERE x."webhookRequestId" = room.rid AND x."status" = 'pending'
      AND x."nextAttemptAt" <= $1::timestamptz
    ORDER BY x."nextAttemptAt", x."id" LIMIT GREATEST(0, LEAST($2::int, room.slots, room.rate_room))) d
  WHERE room.slots > 0 AND room.rate_room > 0
),
candidates AS (
  SELECT "id", "projectId", "nextAttemptAt" FROM due WHERE rn <= slots AND rn <= rate_room
  UNION ALL
  (SELECT "id", "projectId", "nextAttemptAt" FROM "Delivery"
    WHERE "webhookRequestId" IS NULL AND "status" = 'pending' AND "nextAttemptAt" <= $1::timestamptz
    ORDER BY "nextAttemptAt" LIMIT $2::int)
  UNION ALL
  (SELECT "id", "projectId", "nextAttemptAt" FROM "Delivery"
    WHERE "status" = 'sending' AND "leaseUntil" < $1::timestamptz
    LIMIT $2::int)
),
chosen AS (
  SELECT "id" FROM (
    SELECT "id", "nextAttemptAt",
      ROW_NUMBER() OVER (PARTITION BY "projectId" ORDER BY "nextAttemptAt", "id") AS turn
    FROM candidates) ranked
  ORDER BY turn, "nextAttemptAt" LIMIT $2::int
),
locked AS (
  SELECT d."id" FROM "Delivery" d
  WHERE d."id" IN (SELECT "id" FROM chosen)
    AND ((d."status" = 'pending' AND d."nextAttemptAt" <= $1::timestamptz)
      OR (d."status" = 'sending' AND d."leaseUntil" < $1::timestamptz))
  FOR UPDATE SKIP LOCKED
),
claimed AS (
  UPDATE "Delivery" d
  SET "status" = 'sending', "leaseOwner" = $4::text, "leaseUntil" = $5::timestamptz, "updatedAt" = $1::timestamptz
  FROM locked WHERE d."id" = locked."id"
  RETURNING d."id", d."webhookRequestId"
),
counted AS (
  UPDATE "WebhookRequest" r SET
    "rateWindowCount" = CASE WHEN r."rateWindowStart" IS NULL OR r."rateWindowStart" <= $3::timestamptz
      THEN c.n ELSE r."rateWindowCount" + c.n END,
    "rateWindowStart" = CASE WHEN r."rateWindowStart" IS NULL OR r."rateWindowStart" <= $3::timestamptz
      THEN $1::timestamptz ELSE r."rateWindowStart" END
  FROM (SELECT "webhookRequestId" AS rid, COUNT(*)::int AS n FROM claimed
        WHERE "webhookRequestId" IS NOT NULL GROUP BY "webhookRequestId") c
  WHERE r."id" = c.rid AND r."ratePerSecond" IS NOT NULL
)
SELECT "id" FROM claimed`;

// Two index probes: most wakes find nothing due, and then neither the lock nor the claim
// statement is needed.
const ANYTHING_DUE_SQL = `
SELECT EXISTS (SELECT 1 FROM "Delivery" WHERE "status" = 'pending' AND "nextAttemptAt" <= $1::timestamptz)
    OR EXISTS (SELECT 1 FROM "Delivery" WHERE "status" = 'sending' AND "leaseUntil" < $1::timestamptz)
  AS "due"`;

const dueRowSchema = z.object({ due: z.boolean() });
const idRowSchema = z.object({ id: z.string() });

async function claim(input: ClaimInput): Promise<string[]> {
  const { now } = input;
  const pool = postgresPool();
  const probe = await pool.query(named("anything_due", ANYTHING_DUE_SQL), [now]);
  if (!dueRowSchema.parse(probe.rows[0]).due) return [];
  // A lease need not wait for its WAL record to reach the disk: if the server crashed before
  // it did, the lease is lost with it and the delivery is claimed and sent again, which the
  // at-least-once contract already allows (a worker crash does the same). Ingest and settle
  // keep synchronous commits. The lock is taken in the same round trip as BEGIN.
  const begin = `BEGIN; SET LOCAL synchronous_commit = off; SELECT pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`;
  return inPostgresTransaction(
    async (client) => {
      const { rows } = await client.query(named("claim", CLAIM_SQL), [
        now,
        input.limit,
        new Date(now.getTime() - RATE_WINDOW_MS),
        input.workerId,
        new Date(now.getTime() + input.leaseMs),
      ]);
      return rows.map((row) => idRowSchema.parse(row).id);
    },
    pool,
    begin,
  );
}

// ---------------------------------------------------------------------------------------------
// Load what was claimed

const LOAD_SQL = `
SELECT d."id", d."projectId", d."leaseOwner", d."status", d."attemptCount", d."maxAttempts",
  d."nextAttemptAt", d."rendered", d."renderedSealed", c."call", c."occurredAt", c."triggerType",
  p."timeZone", p."gaMeasurementId", p."gaApiSecret",
  r."id" || '@' || (extract(epoch FROM r."updatedAt") * 1000)::bigint AS "requestVersion",
  CASE WHEN r."id" IS NULL THEN NULL ELSE row_to_json(r) END AS "request"
FROM "Delivery" d
JOIN "CallEvent" c ON c."id" = d."callEventId"
JOIN "Project" p ON p."id" = d."projectId"
LEFT JOIN "WebhookRequest" r ON r."id" = d."webhookRequestId"
WHERE d."id" = ANY($1::text[])`;

// row_to_json writes timestamps as ISO text; the other columns keep their JSON types.
const jsonDate = z.string().transform((value) => new Date(value));
const nullableJsonDate = jsonDate.nullable();

const requestRowSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  position: z.number().int(),
  url: z.string(),
  method: z.string(),
  format: z.string(),
  dateFormat: z.string(),
  headers: z.json(),
  params: z.json(),
  body: z.string().nullable(),
  rpcMethod: z.string().nullable(),
  timeoutMs: z.number().int(),
  retryAttempts: z.number().int(),
  retrySchedule: z.string(),
  signingEnabled: z.boolean(),
  signingSecret: z.string().nullable(),
  previousSigningSecret: z.string().nullable(),
  previousSigningSecretUntil: nullableJsonDate,
  consecutiveFailures: z.number().int(),
  pausedAt: nullableJsonDate,
  pausedReason: z.string().nullable(),
  maxInFlight: z.number().int(),
  ratePerSecond: z.number().int().nullable(),
  rateWindowStart: nullableJsonDate,
  rateWindowCount: z.number().int(),
  createdAt: jsonDate,
  updatedAt: jsonDate,
}) satisfies z.ZodType<WebhookRequest, unknown>;

const loadedRowSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  leaseOwner: z.string().nullable(),
  status: z.string(),
  attemptCount: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.date(),
  rendered: renderedSnapshotSchema.nullable(),
  renderedSealed: z.string().nullable(),
  call: z.record(z.string(), z.unknown()),
  occurredAt: z.date(),
  triggerType: z.enum(TRIGGER_TYPES),
  timeZone: z.string(),
  gaMeasurementId: z.string().nullable(),
  gaApiSecret: z.string().nullable(),
  requestVersion: z.string().nullable(),
  request: z.unknown(),
});

async function loadClaimed(ids: string[]): Promise<ClaimedDelivery[]> {
  const { rows } = await postgresPool().query(named("load_claimed", LOAD_SQL), [ids]);
  return rows.map((raw) =>
    toClaimedDelivery(loadedRowSchema.parse(raw), (json) => requestRowSchema.parse(json)),
  );
}

// ---------------------------------------------------------------------------------------------
// Settle

// The whole batch in a few statements: the deliveries (guarded by the lease, as on SQLite: an
// attempt that outlived its lease is not recorded), then their attempts, then the requests'
// failure counters. Every delivery row is locked by the first statement, before any request
// row, the same order a claim takes them in, so the two never deadlock.
const SETTLE_DELIVERIES_SQL = `
UPDATE "Delivery" d SET "status" = s.status, "attemptCount" = s.attempt_count,
  "nextAttemptAt" = s.next_attempt_at, "leaseOwner" = NULL, "leaseUntil" = NULL,
  "lastStatusCode" = s.status_code, "lastErrorKind" = s.error_kind, "lastError" = s.error,
  "completedAt" = s.completed_at, "updatedAt" = s.at,
  "rendered" = COALESCE(s.rendered, d."rendered"), "requestUrl" = COALESCE(s.url, d."requestUrl"),
  "requestMethod" = COALESCE(s.method, d."requestMethod"),
  "renderedSealed" = COALESCE(s.sealed, d."renderedSealed")
FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::int[],
  $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::jsonb[], $12::text[], $13::text[],
  $14::text[])
  AS s(id, worker_id, status, attempt_count, next_attempt_at, status_code, error_kind, error,
    completed_at, at, rendered, url, method, sealed)
WHERE d."id" = s.id AND d."leaseOwner" = s.worker_id
RETURNING d."id"`;

const INSERT_ATTEMPTS_SQL = `
INSERT INTO "Attempt" ("id", "deliveryId", "number", "startedAt", "durationMs", "requestMethod",
  "requestUrl", "requestHeaders", "requestBody", "responseStatus", "responseHeaders",
  "responseBody", "responseTruncated", "errorKind", "error")
SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::int[], $6::text[],
  $7::text[], $8::jsonb[], $9::bytea[], $10::int[], $11::jsonb[], $12::text[], $13::boolean[],
  $14::text[], $15::text[])`;

const RESET_FAILURES_SQL = `
UPDATE "WebhookRequest" SET "consecutiveFailures" = 0
WHERE "id" = ANY($1::text[]) AND "consecutiveFailures" > 0`;

const COUNT_FAILURE_SQL = `
UPDATE "WebhookRequest" SET "consecutiveFailures" = "consecutiveFailures" + 1 WHERE "id" = $1
RETURNING "consecutiveFailures"`;

// Names pausedAt only when it really pauses: the ingest cache watches that column.
const PAUSE_SQL = `
UPDATE "WebhookRequest" SET "pausedAt" = $2, "pausedReason" = $3 WHERE "id" = $1 AND "pausedAt" IS NULL`;

const failureCountSchema = z.object({ consecutiveFailures: z.number().int() });

// PostgreSQL text cannot hold NUL; a receiver's body or message may.
function text(value: string | null): string | null {
  return value === null ? null : value.replaceAll("\u0000", "\uFFFD");
}

async function writeSettlements(client: pg.ClientBase, items: Settlement[]): Promise<boolean[]> {
  const { rows } = await client.query(named("settle_deliveries", SETTLE_DELIVERIES_SQL), [
    items.map((item) => item.deliveryId),
    items.map((item) => item.workerId),
    items.map((item) => item.status),
    items.map((item) => item.attemptNumber),
    items.map((item) => item.nextAttemptAt),
    items.map((item) => item.statusCode),
    items.map((item) => item.error?.kind ?? null),
    items.map((item) => text(item.error?.message ?? null)),
    items.map((item) => (item.status === "pending" ? null : item.at)),
    items.map((item) => item.at),
    items.map((item) => (item.firstRendered ? JSON.stringify(item.firstRendered.redacted) : null)),
    items.map((item) => item.firstRendered?.redacted.url ?? null),
    items.map((item) => item.firstRendered?.redacted.method ?? null),
    items.map((item) => item.firstRendered?.sealed ?? null),
  ]);
  const recordedIds = new Set(rows.map((row) => idRowSchema.parse(row).id));
  const recorded = items.filter((item) => recordedIds.has(item.deliveryId));
  const attempts = recorded.flatMap((item) => (item.result ? [{ item, result: item.result }] : []));
  if (attempts.length > 0) {
    await client.query(named("insert_attempts", INSERT_ATTEMPTS_SQL), [
      attempts.map(() => newId()),
      attempts.map(({ item }) => item.deliveryId),
      attempts.map(({ item }) => item.attemptNumber),
      attempts.map(({ result }) => result.startedAt),
      attempts.map(({ result }) => Math.round(result.durationMs)),
      attempts.map(({ result }) => result.request.method),
      attempts.map(({ result }) => result.request.url),
      attempts.map(({ result }) => JSON.stringify(result.request.headers)),
      attempts.map(({ item, result }) =>
        result.request.body && !item.bodyOnDelivery ? Buffer.from(result.request.body) : null,
      ),
      attempts.map(({ result }) => result.response?.status ?? null),
      attempts.map(({ result }) =>
        result.response ? JSON.stringify(result.response.headers) : null,
      ),
      attempts.map(({ result }) => text(result.response?.body ?? null)),
      attempts.map(({ result }) => result.response?.truncated ?? false),
      attempts.map(({ result }) => result.error?.kind ?? null),
      attempts.map(({ result }) => text(result.error?.message ?? null)),
    ]);
  }
  // Sorted, so two settles touching the same requests lock them in the same order.
  const succeeded = [
    ...new Set(
      recorded.flatMap((item) =>
        item.status === "succeeded" && item.requestId ? [item.requestId] : [],
      ),
    ),
  ].sort();
  if (succeeded.length > 0)
    await client.query(named("reset_failures", RESET_FAILURES_SQL), [succeeded]);
  const failed = recorded
    .filter((item) => item.status === "failed" && item.requestId)
    .sort((a, b) => (a.requestId ?? "").localeCompare(b.requestId ?? ""));
  for (const item of failed) {
    const counted = await client.query(named("count_failure", COUNT_FAILURE_SQL), [item.requestId]);
    const failures = failureCountSchema.parse(
      counted.rows[0] ?? { consecutiveFailures: 0 },
    ).consecutiveFailures;
    const reason = pauseReason(item, failures);
    if (reason)
      await client.query(named("pause_request", PAUSE_SQL), [item.requestId, item.at, reason]);
  }
  return items.map((item) => recordedIds.has(item.deliveryId));
}

// A deadlock or serialization failure aborts only this transaction; trying the batch again is
// safe (nothing of it was written) and better than letting its leases expire.
const RETRYABLE = new Set(["40P01", "40001"]);

async function settle(items: Settlement[]): Promise<boolean[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await inPostgresTransaction((client) => writeSettlements(client, items));
    } catch (error) {
      const code = error instanceof pg.DatabaseError ? error.code : undefined;
      if (attempt >= 3 || code === undefined || !RETRYABLE.has(code)) throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Leases and wake-ups

const RENEW_SQL = `
UPDATE "Delivery" SET "leaseUntil" = $2
WHERE "id" = ANY($3::text[]) AND "leaseOwner" = $1 AND "status" = 'sending'`;

const RELEASE_SQL = `
UPDATE "Delivery" SET "status" = 'pending', "leaseOwner" = NULL, "leaseUntil" = NULL,
  "nextAttemptAt" = $3, "updatedAt" = $4
WHERE "id" = ANY($2::text[]) AND "leaseOwner" = $1 AND "status" = 'sending'`;

async function renewLeases(workerId: string, ids: string[], leaseUntil: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await postgresPool().query(named("renew_leases", RENEW_SQL), [
    workerId,
    leaseUntil,
    ids,
  ]);
  return rowCount ?? 0;
}

async function releaseLeases(
  workerId: string,
  ids: string[],
  dueAt: Date,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const { rowCount } = await postgresPool().query(named("release_leases", RELEASE_SQL), [
    workerId,
    ids,
    dueAt,
    now,
  ]);
  return rowCount ?? 0;
}

function notifyQueued(): void {
  postgresPool()
    .query(NOTIFY_SQL)
    .catch(() => {
      // Workers still find the work on their next poll.
    });
}

const RECONNECT_MS = 500;

type Listener = {
  callbacks: Set<() => void>;
  client: pg.Client | null;
  timer: NodeJS.Timeout | null;
};

declare global {
  var webhooksQueueListener: Listener | undefined;
}

function notifyAll(listener: Listener): void {
  for (const callback of listener.callbacks) callback();
}

/**
 * One LISTEN connection per process, outside the pool (a pooled connection would be handed to
 * other queries). When it breaks it reconnects, and wakes every watcher once: a notification
 * sent while it was away is lost, the queue is not.
 */
function connectListener(listener: Listener): void {
  if (listener.callbacks.size === 0 || listener.client) return;
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  listener.client = client;
  const retry = () => {
    if (listener.client !== client) return;
    listener.client = null;
    client.end().catch(() => {});
    if (listener.callbacks.size === 0 || listener.timer) return;
    listener.timer = setTimeout(() => {
      listener.timer = null;
      connectListener(listener);
      notifyAll(listener);
    }, RECONNECT_MS);
    listener.timer.unref();
  };
  client.on("notification", () => notifyAll(listener));
  client.on("error", retry);
  client.on("end", retry);
  client
    .connect()
    .then(() => client.query(`LISTEN ${QUEUE_CHANNEL}`))
    .catch(retry);
}

const listenNotifyWatcher: QueueWatcher = {
  watch(onChange) {
    globalThis.webhooksQueueListener ??= { callbacks: new Set(), client: null, timer: null };
    const listener = globalThis.webhooksQueueListener;
    const callback = () => onChange();
    listener.callbacks.add(callback);
    connectListener(listener);
    return () => {
      listener.callbacks.delete(callback);
      if (listener.callbacks.size > 0) return;
      if (listener.timer) clearTimeout(listener.timer);
      listener.timer = null;
      const client = listener.client;
      listener.client = null;
      client?.end().catch(() => {});
    };
  },
};

export const postgresStore: EngineStore = {
  engine: "postgresql",
  ingest,
  claim,
  loadClaimed,
  settle,
  renewLeases,
  releaseLeases,
  notifyQueued,
  queueWatcher: listenNotifyWatcher,
};
