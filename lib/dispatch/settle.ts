import { z } from "zod";
import { statement, writeTransaction } from "../db/engine-connection";
import type { AttemptResult } from "./attempt-result";
import type { RenderedSnapshot } from "./rendered-snapshot";
import { newId, toSqlDate } from "./sql-values";

/** After this many failed deliveries in a row a request is paused until it is enabled again. */
export const PAUSE_AFTER_FAILURES = 50;

/** What one attempt decided, ready to be written. */
export type Settlement = {
  deliveryId: string;
  workerId: string;
  requestId: string | null;
  attemptNumber: number;
  status: "succeeded" | "pending" | "failed";
  nextAttemptAt: Date;
  statusCode: number | null;
  error: { kind: string; message: string } | null;
  /** Set on the first attempt: the rendered request is stored on the delivery once. */
  firstRendered: RenderedSnapshot | null;
  result: AttemptResult | null;
  /**
   * The attempt sent exactly the body the delivery keeps in its rendered snapshot: the bytes
   * are stored there once, not again with every attempt (the log reads them from there).
   */
  bodyOnDelivery: boolean;
  /** The receiver answered 410 Gone: pause the request. */
  gone: boolean;
  at: Date;
};

// Guarded by the lease: an attempt that outlived its lease (another worker took over) is not
// recorded, and that worker owns the delivery now.
const SETTLE_DELIVERY_SQL = `
UPDATE "Delivery" SET "status" = @status, "attemptCount" = @attemptCount, "nextAttemptAt" = @nextAttemptAt,
  "leaseOwner" = NULL, "leaseUntil" = NULL, "lastStatusCode" = @statusCode, "lastErrorKind" = @errorKind,
  "lastError" = @error, "completedAt" = @completedAt, "updatedAt" = @at,
  "rendered" = COALESCE(@rendered, "rendered"), "requestUrl" = COALESCE(@url, "requestUrl"),
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

function writeOne(item: Settlement): void {
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
    rendered: first ? JSON.stringify(first) : null,
    url: first?.url ?? null,
    method: first?.method ?? null,
  });
  if (changes === 0) return;
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
  if (!item.requestId) return;
  if (item.status === "succeeded") {
    statement(RESET_FAILURES_SQL).run({ id: item.requestId });
  } else if (item.status === "failed") {
    const failures = failureCountSchema.parse(
      statement(COUNT_FAILURE_SQL).get({ id: item.requestId }) ?? { consecutiveFailures: 0 },
    ).consecutiveFailures;
    const reason = item.gone
      ? "Paused: the receiver answered 410 Gone"
      : failures >= PAUSE_AFTER_FAILURES
        ? `Paused after ${failures} failed deliveries in a row`
        : null;
    if (reason) statement(PAUSE_SQL).run({ id: item.requestId, at: toSqlDate(item.at), reason });
  }
}

/** Writes a batch of settlements in one transaction. */
export function writeSettlements(items: Settlement[]): Promise<void> {
  return writeTransaction(() => {
    for (const item of items) writeOne(item);
  });
}

const BATCH_WINDOW_MS = 2;
const BATCH_LIMIT = 256;

export type Settler = {
  /** Resolves once the settlement is committed. */
  settle: (item: Settlement) => Promise<void>;
  flush: () => Promise<void>;
};

/**
 * Collects the outcomes that finish within a couple of milliseconds of each other and commits
 * them together: under load one commit serves dozens of attempts.
 */
export function createSettler(): Settler {
  let pending: Array<{ item: Settlement; done: () => void; fail: (error: unknown) => void }> = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return writing;
    writing = writing
      .then(() => writeSettlements(batch.map((entry) => entry.item)))
      .then(
        () => {
          for (const entry of batch) entry.done();
        },
        (error: unknown) => {
          for (const entry of batch) entry.fail(error);
        },
      );
    return writing;
  };

  return {
    settle(item) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ item, done: resolve, fail: reject });
        if (pending.length >= BATCH_LIMIT) void flush();
        else timer ??= setTimeout(() => void flush(), BATCH_WINDOW_MS);
      });
    },
    flush,
  };
}
