// The engine's statements on SQLite: cached prepared statements on the better-sqlite3
// connection Prisma's adapter opened (see ../db/engine-connection), run synchronously inside
// immediate write transactions. SQLite has one writer at a time, which is what makes the
// claim below safe for any number of workers and processes.
import { z } from "zod";
import { db } from "../db/client";
import {
  hasEngineConnection,
  readOutsideTransaction,
  statement,
  writeTransaction,
} from "../db/engine-connection";
import type { WebhookRequest } from "../generated/prisma/client";
import type { CallEvent } from "../model/call-event";
import { redactUrl } from "../model/sensitive";
import { TRIGGER_TYPES, type TriggerType } from "../model/trigger-types";
import {
  cachedMatchingEvents,
  groupMatchingEvents,
  rememberMatchingEvents,
} from "./matching-events";
import { countPerRequest, pauseReason, RATE_WINDOW_MS } from "./queue-rules";
import { renderedSnapshotSchema } from "./rendered-snapshot";
import { toClaimedDelivery } from "./request-configs";
import { newId, sqlBoolean, sqlDate, sqlJson, toSqlDate } from "./sql-values";
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

async function connected(): Promise<void> {
  if (!hasEngineConnection()) await db.$connect();
}

// ---------------------------------------------------------------------------------------------
// Ingest

const PREVIOUS_SQL = `
SELECT c."id" AS "callEventId", c."bodyHash", d."id" AS "deliveryId"
FROM "CallEvent" c LEFT JOIN "Delivery" d ON d."callEventId" = c."id"
WHERE c."projectId" = @projectId AND c."externalId" = @externalId
ORDER BY d."createdAt", d."id"`;

const INSERT_CALL_EVENT_SQL = `
INSERT INTO "CallEvent" ("id", "projectId", "externalId", "bodyHash", "triggerType", "occurredAt", "receivedAt", "call")
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

const INSERT_DELIVERY_SQL = `
INSERT INTO "Delivery" ("id", "projectId", "callEventId", "webhookEventId", "webhookRequestId",
  "eventName", "triggerType", "callId", "caller", "requestMethod", "requestUrl", "status",
  "attemptCount", "maxAttempts", "nextAttemptAt", "createdAt", "updatedAt")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?)`;

const VERSION_SQL = `SELECT "webhookConfigVersion" AS "version" FROM "Project" WHERE "id" = @projectId`;

// Events in creation order, each event's requests in position order: the order deliveries are
// written and listed in. Paused requests get no new deliveries.
const EVENTS_SQL = `
SELECT e."id" AS "eventId", e."name", e."conditions", r."id" AS "requestId", r."method", r."url",
  r."retryAttempts"
FROM "WebhookEvent" e
JOIN "WebhookRequest" r ON r."eventId" = e."id" AND r."pausedAt" IS NULL
WHERE e."projectId" = @projectId AND e."triggerType" = @type AND e."enabled" = 1
ORDER BY e."createdAt", e."id", r."position"`;

const previousRowSchema = z.object({
  callEventId: z.string(),
  bodyHash: z.string().nullable(),
  deliveryId: z.string().nullable(),
});
const versionSchema = z.object({ version: z.number().int() });
const eventRowSchema = z.object({
  eventId: z.string(),
  name: z.string(),
  conditions: sqlJson(z.unknown()).nullable(),
  requestId: z.string(),
  method: z.string(),
  url: z.string(),
  retryAttempts: z.number().int(),
});

function previousResult(projectId: string, externalId: string): StoredIngest | null {
  const rows = statement(PREVIOUS_SQL)
    .all({ projectId, externalId })
    .map((row) => previousRowSchema.parse(row));
  const first = rows[0];
  if (!first) return null;
  return {
    created: false,
    callEventId: first.callEventId,
    bodyHash: first.bodyHash,
    deliveries: rows.flatMap((row) => (row.deliveryId ? [row.deliveryId] : [])),
  };
}

function loadMatchingEvents(projectId: string, type: TriggerType): MatchingEvent[] {
  const versionRow = statement(VERSION_SQL).get({ projectId });
  if (versionRow === undefined) return [];
  const { version } = versionSchema.parse(versionRow);
  const cached = cachedMatchingEvents(projectId, type, version);
  if (cached) return cached;
  const events = groupMatchingEvents(
    statement(EVENTS_SQL)
      .all({ projectId, type })
      .map((row) => eventRowSchema.parse(row)),
  );
  rememberMatchingEvents(projectId, type, version, events);
  return events;
}

// The whole of it is one synchronous write transaction of prepared statements, so two requests
// with the same id cannot both write, in this process or another.
async function ingest(
  projectId: string,
  event: CallEvent,
  bodyHash: string,
  plan: (events: MatchingEvent[]) => PlannedDelivery[],
): Promise<StoredIngest> {
  await connected();
  return writeTransaction((): StoredIngest => {
    if (event.id) {
      const previous = previousResult(projectId, event.id);
      if (previous) return previous;
    }
    const at = toSqlDate(new Date());
    const callEventId = newId();
    statement(INSERT_CALL_EVENT_SQL).run(
      callEventId,
      projectId,
      event.id ?? null,
      bodyHash,
      event.type,
      toSqlDate(new Date(event.occurredAt)),
      at,
      JSON.stringify(event.call),
    );
    const caller = typeof event.call.caller === "string" ? event.call.caller : null;
    const deliveries: string[] = [];
    for (const { event: webhookEvent, request } of plan(
      loadMatchingEvents(projectId, event.type),
    )) {
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
        redactUrl(request.url),
        request.retryAttempts,
        at,
        at,
        at,
      );
      deliveries.push(id);
    }
    return { created: true, callEventId, deliveries, bodyHash };
  });
}

// ---------------------------------------------------------------------------------------------
// Claim

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

// Two index probes: most wakes (an attempt finished, another process committed something)
// find nothing due, and then the claim statement, which looks at every request, is skipped.
const ANYTHING_DUE_SQL = `
SELECT EXISTS (SELECT 1 FROM "Delivery" WHERE "status" = 'pending' AND "nextAttemptAt" <= @now)
    OR EXISTS (SELECT 1 FROM "Delivery" WHERE "status" = 'sending' AND "leaseUntil" < @now)
  AS "due"`;

const claimedRowSchema = z.object({ id: z.string(), webhookRequestId: z.string().nullable() });

async function claim(input: ClaimInput): Promise<string[]> {
  await connected();
  const { now } = input;
  const anythingDue = await readOutsideTransaction(
    () =>
      statement(ANYTHING_DUE_SQL)
        .pluck()
        .get({ now: toSqlDate(now) }) === 1,
  );
  if (!anythingDue) return [];
  return writeTransaction(() => {
    const windowStart = toSqlDate(new Date(now.getTime() - RATE_WINDOW_MS));
    const rows = statement(CLAIM_SQL)
      .all({
        now: toSqlDate(now),
        limit: input.limit,
        windowStart,
        workerId: input.workerId,
        leaseUntil: toSqlDate(new Date(now.getTime() + input.leaseMs)),
      })
      .map((row) => claimedRowSchema.parse(row));
    for (const [requestId, count] of countPerRequest(rows)) {
      statement(COUNT_INTO_RATE_WINDOW_SQL).run({
        now: toSqlDate(now),
        windowStart,
        count,
        requestId,
      });
    }
    return rows.map((row) => row.id);
  });
}

// ---------------------------------------------------------------------------------------------
// Load what was claimed

// The request's columns travel as one JSON object, parsed only when this process has not seen
// that version of the request yet (the key is its id and updatedAt).
const LOAD_SQL = `
SELECT d."id", d."projectId", d."leaseOwner", d."status", d."attemptCount", d."maxAttempts",
  d."nextAttemptAt", d."rendered", d."renderedSealed", c."call", c."occurredAt", c."triggerType",
  p."timeZone", p."gaMeasurementId", p."gaApiSecret",
  r."id" || '@' || r."updatedAt" AS "requestVersion",
  CASE WHEN r."id" IS NULL THEN NULL ELSE json_object(
    'id', r."id", 'eventId', r."eventId", 'position', r."position", 'url', r."url",
    'method', r."method", 'format', r."format", 'dateFormat', r."dateFormat",
    'headers', json(r."headers"), 'params', json(r."params"), 'body', r."body",
    'rpcMethod', r."rpcMethod", 'timeoutMs', r."timeoutMs", 'retryAttempts', r."retryAttempts",
    'retrySchedule', r."retrySchedule", 'signingEnabled', r."signingEnabled",
    'signingSecret', r."signingSecret", 'previousSigningSecret', r."previousSigningSecret",
    'previousSigningSecretUntil', r."previousSigningSecretUntil",
    'consecutiveFailures', r."consecutiveFailures",
    'pausedAt', r."pausedAt", 'pausedReason', r."pausedReason", 'maxInFlight', r."maxInFlight",
    'ratePerSecond', r."ratePerSecond", 'rateWindowStart', r."rateWindowStart",
    'rateWindowCount', r."rateWindowCount", 'createdAt', r."createdAt", 'updatedAt', r."updatedAt")
  END AS "request"
FROM "Delivery" d
JOIN "CallEvent" c ON c."id" = d."callEventId"
JOIN "Project" p ON p."id" = d."projectId"
LEFT JOIN "WebhookRequest" r ON r."id" = d."webhookRequestId"
WHERE d."id" IN (SELECT value FROM json_each(@ids))`;

const nullableDate = z
  .string()
  .nullable()
  .transform((value) => (value === null ? null : new Date(value)));

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
  signingEnabled: sqlBoolean,
  signingSecret: z.string().nullable(),
  previousSigningSecret: z.string().nullable(),
  previousSigningSecretUntil: nullableDate,
  consecutiveFailures: z.number().int(),
  pausedAt: nullableDate,
  pausedReason: z.string().nullable(),
  maxInFlight: z.number().int(),
  ratePerSecond: z.number().int().nullable(),
  rateWindowStart: nullableDate,
  rateWindowCount: z.number().int(),
  createdAt: sqlDate,
  updatedAt: sqlDate,
}) satisfies z.ZodType<WebhookRequest, unknown>;

const loadedRowSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  leaseOwner: z.string().nullable(),
  status: z.string(),
  attemptCount: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: sqlDate,
  rendered: sqlJson(renderedSnapshotSchema).nullable(),
  renderedSealed: z.string().nullable(),
  call: sqlJson(z.record(z.string(), z.unknown())),
  occurredAt: sqlDate,
  triggerType: z.enum(TRIGGER_TYPES),
  timeZone: z.string(),
  gaMeasurementId: z.string().nullable(),
  gaApiSecret: z.string().nullable(),
  requestVersion: z.string().nullable(),
  request: z.string().nullable(),
});

async function loadClaimed(ids: string[]): Promise<ClaimedDelivery[]> {
  await connected();
  const rows = await readOutsideTransaction(() =>
    statement(LOAD_SQL).all({ ids: JSON.stringify(ids) }),
  );
  return rows.map((raw) =>
    toClaimedDelivery(loadedRowSchema.parse(raw), (json) => sqlJson(requestRowSchema).parse(json)),
  );
}

// ---------------------------------------------------------------------------------------------
// Settle

// Guarded by the lease: an attempt that outlived its lease (another worker took over) is not
// recorded, and that worker owns the delivery now.
const SETTLE_DELIVERY_SQL = `
UPDATE "Delivery" SET "status" = @status, "attemptCount" = @attemptCount, "nextAttemptAt" = @nextAttemptAt,
  "leaseOwner" = NULL, "leaseUntil" = NULL, "lastStatusCode" = @statusCode, "lastErrorKind" = @errorKind,
  "lastError" = @error, "completedAt" = @completedAt, "updatedAt" = @at,
  "rendered" = COALESCE(@rendered, "rendered"), "renderedSealed" = COALESCE(@sealed, "renderedSealed"),
  "requestUrl" = COALESCE(@url, "requestUrl"),
  "requestMethod" = COALESCE(@method, "requestMethod")
WHERE "id" = @id AND "leaseOwner" = @workerId`;

const INSERT_ATTEMPT_SQL = `
INSERT INTO "Attempt" ("id", "deliveryId", "number", "startedAt", "durationMs", "requestMethod",
  "requestUrl", "requestHeaders", "requestBody", "responseStatus", "responseHeaders",
  "responseBody", "responseTruncated", "errorKind", "error")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const RESET_FAILURES_SQL = `
UPDATE "WebhookRequest" SET "consecutiveFailures" = 0 WHERE "id" = @id AND "consecutiveFailures" > 0`;

const COUNT_FAILURE_SQL = `
UPDATE "WebhookRequest" SET "consecutiveFailures" = "consecutiveFailures" + 1 WHERE "id" = @id
RETURNING "consecutiveFailures"`;

// Names pausedAt only when it really pauses: the ingest cache watches that column.
const PAUSE_SQL = `
UPDATE "WebhookRequest" SET "pausedAt" = @at, "pausedReason" = @reason WHERE "id" = @id AND "pausedAt" IS NULL`;

const failureCountSchema = z.object({ consecutiveFailures: z.number().int() });

function writeOne(item: Settlement): boolean {
  const first = item.firstRendered;
  const { changes } = statement(SETTLE_DELIVERY_SQL).run({
    id: item.deliveryId,
    workerId: item.workerId,
    status: item.status,
    attemptCount: item.attemptNumber,
    nextAttemptAt: toSqlDate(item.nextAttemptAt),
    statusCode: item.statusCode,
    errorKind: item.error?.kind ?? null,
    error: item.error?.message ?? null,
    completedAt: item.status === "pending" ? null : toSqlDate(item.at),
    at: toSqlDate(item.at),
    rendered: first ? JSON.stringify(first.redacted) : null,
    sealed: first?.sealed ?? null,
    url: first?.redacted.url ?? null,
    method: first?.redacted.method ?? null,
  });
  if (changes === 0) return false;
  const result = item.result;
  if (result) {
    statement(INSERT_ATTEMPT_SQL).run(
      newId(),
      item.deliveryId,
      item.attemptNumber,
      toSqlDate(result.startedAt),
      Math.round(result.durationMs),
      result.request.method,
      result.request.url,
      JSON.stringify(result.request.headers),
      result.request.body && !item.bodyOnDelivery ? Buffer.from(result.request.body) : null,
      result.response?.status ?? null,
      result.response ? JSON.stringify(result.response.headers) : null,
      result.response?.body ?? null,
      result.response?.truncated ? 1 : 0,
      result.error?.kind ?? null,
      result.error?.message ?? null,
    );
  }
  if (!item.requestId) return true;
  if (item.status === "succeeded") {
    statement(RESET_FAILURES_SQL).run({ id: item.requestId });
  } else if (item.status === "failed") {
    const failures = failureCountSchema.parse(
      statement(COUNT_FAILURE_SQL).get({ id: item.requestId }) ?? { consecutiveFailures: 0 },
    ).consecutiveFailures;
    const reason = pauseReason(item, failures);
    if (reason) statement(PAUSE_SQL).run({ id: item.requestId, at: toSqlDate(item.at), reason });
  }
  return true;
}

async function settle(items: Settlement[]): Promise<boolean[]> {
  await connected();
  return writeTransaction(() => items.map(writeOne));
}

// ---------------------------------------------------------------------------------------------
// Leases and wake-ups

const RENEW_SQL = `
UPDATE "Delivery" SET "leaseUntil" = @leaseUntil
WHERE "id" IN (SELECT value FROM json_each(@ids)) AND "leaseOwner" = @workerId AND "status" = 'sending'`;

const RELEASE_SQL = `
UPDATE "Delivery" SET "status" = 'pending', "leaseOwner" = NULL, "leaseUntil" = NULL,
  "nextAttemptAt" = @dueAt, "updatedAt" = @now
WHERE "id" IN (SELECT value FROM json_each(@ids)) AND "leaseOwner" = @workerId AND "status" = 'sending'`;

async function renewLeases(workerId: string, ids: string[], leaseUntil: Date): Promise<number> {
  if (ids.length === 0) return 0;
  await connected();
  return writeTransaction(
    () =>
      statement(RENEW_SQL).run({
        workerId,
        ids: JSON.stringify(ids),
        leaseUntil: toSqlDate(leaseUntil),
      }).changes,
  );
}

async function releaseLeases(
  workerId: string,
  ids: string[],
  dueAt: Date,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  await connected();
  return writeTransaction(
    () =>
      statement(RELEASE_SQL).run({
        workerId,
        ids: JSON.stringify(ids),
        dueAt: toSqlDate(dueAt),
        now: toSqlDate(now),
      }).changes,
  );
}

export const CROSS_PROCESS_CHECK_MS = 30;

// `PRAGMA data_version` is a counter in shared memory that moves when another connection
// commits: checking it costs microseconds, so it can run every few tens of milliseconds.
const dataVersionWatcher: QueueWatcher = {
  watch(onChange) {
    let last: number | null = null;
    let stopped = false;
    let timer: NodeJS.Timeout | null = null;
    const check = async () => {
      if (stopped) return;
      try {
        await connected();
        const current = Number(statement("PRAGMA data_version").pluck().get());
        if (last !== null && current !== last) onChange();
        last = current;
      } catch {
        // The connection is being closed or reopened; the next check tries again.
      }
      if (!stopped) {
        timer = setTimeout(check, CROSS_PROCESS_CHECK_MS);
        timer.unref();
      }
    };
    void check();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  },
};

export const sqliteStore: EngineStore = {
  engine: "sqlite",
  ingest,
  claim,
  loadClaimed,
  settle,
  renewLeases,
  releaseLeases,
  // Other processes' watchers see every commit through data_version; nothing to send.
  notifyQueued: () => {},
  queueWatcher: dataVersionWatcher,
};
