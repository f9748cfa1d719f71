import { z } from "zod";
import { readOutsideTransaction, statement } from "../db/engine-connection";
import type { WebhookRequest } from "../generated/prisma/client";
import { TRIGGER_TYPES } from "../model/trigger-types";
import { toWebhookRequestDto, type WebhookRequestDto } from "../webhooks/serializers";
import { type RenderedSnapshot, renderedSnapshotSchema } from "./rendered-snapshot";
import { sqlBoolean, sqlDate, sqlJson } from "./sql-values";

/** A leased delivery with everything its attempt needs, read for a whole batch at once. */
export type ClaimedDelivery = {
  id: string;
  projectId: string;
  leaseOwner: string | null;
  status: string;
  attemptCount: number;
  maxAttempts: number;
  nextAttemptAt: Date;
  rendered: RenderedSnapshot | null;
  call: Record<string, unknown>;
  occurredAt: Date;
  triggerType: (typeof TRIGGER_TYPES)[number];
  project: { timeZone: string; gaMeasurementId: string | null; gaApiSecret: string | null };
  /** Null when the request was deleted after the delivery was queued. */
  request: WebhookRequestDto | null;
  /** Its request has a rate limit (the worker then looks again when the window turns). */
  rateLimited: boolean;
};

type CachedRequest = { config: WebhookRequestDto; rateLimited: boolean };

// The request's columns travel as one JSON object, parsed only when this process has not seen
// that version of the request yet (the key is its id and updatedAt).
const LOAD_SQL = `
SELECT d."id", d."projectId", d."leaseOwner", d."status", d."attemptCount", d."maxAttempts",
  d."nextAttemptAt", d."rendered", c."call", c."occurredAt", c."triggerType",
  p."timeZone", p."gaMeasurementId", p."gaApiSecret",
  r."id" || '@' || r."updatedAt" AS "requestVersion",
  CASE WHEN r."id" IS NULL THEN NULL ELSE json_object(
    'id', r."id", 'eventId', r."eventId", 'position', r."position", 'url', r."url",
    'method', r."method", 'format', r."format", 'dateFormat', r."dateFormat",
    'headers', json(r."headers"), 'params', json(r."params"), 'body', r."body",
    'rpcMethod', r."rpcMethod", 'timeoutMs', r."timeoutMs", 'retryAttempts', r."retryAttempts",
    'retrySchedule', r."retrySchedule", 'signingEnabled', r."signingEnabled",
    'signingSecret', r."signingSecret", 'consecutiveFailures', r."consecutiveFailures",
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
  call: sqlJson(z.record(z.string(), z.unknown())),
  occurredAt: sqlDate,
  triggerType: z.enum(TRIGGER_TYPES),
  timeZone: z.string(),
  gaMeasurementId: z.string().nullable(),
  gaApiSecret: z.string().nullable(),
  requestVersion: z.string().nullable(),
  request: z.string().nullable(),
});

const CACHE_LIMIT = 5_000;
const globalForCache = globalThis as unknown as {
  webhooksRequestConfigs?: Map<string, CachedRequest>;
};

/** The request's config as the renderer takes it, parsed once per request version. */
function requestConfig(version: string, json: string): CachedRequest {
  globalForCache.webhooksRequestConfigs ??= new Map();
  const cache = globalForCache.webhooksRequestConfigs;
  const cached = cache.get(version);
  if (cached) return cached;
  const row = sqlJson(requestRowSchema).parse(json);
  const config = { config: toWebhookRequestDto(row), rateLimited: row.ratePerSecond !== null };
  // Old versions are never asked for again; dropping everything now and then bounds memory.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(version, config);
  return config;
}

export async function loadClaimedDeliveries(ids: string[]): Promise<ClaimedDelivery[]> {
  const rows = await readOutsideTransaction(() =>
    statement(LOAD_SQL).all({ ids: JSON.stringify(ids) }),
  );
  const byId = new Map<string, ClaimedDelivery>();
  for (const raw of rows) {
    const row = loadedRowSchema.parse(raw);
    const request =
      row.request !== null && row.requestVersion !== null
        ? requestConfig(row.requestVersion, row.request)
        : null;
    byId.set(row.id, {
      id: row.id,
      projectId: row.projectId,
      leaseOwner: row.leaseOwner,
      status: row.status,
      attemptCount: row.attemptCount,
      maxAttempts: row.maxAttempts,
      nextAttemptAt: row.nextAttemptAt,
      rendered: row.rendered,
      call: row.call,
      occurredAt: row.occurredAt,
      triggerType: row.triggerType,
      project: {
        timeZone: row.timeZone,
        gaMeasurementId: row.gaMeasurementId,
        gaApiSecret: row.gaApiSecret,
      },
      request: request?.config ?? null,
      rateLimited: request?.rateLimited ?? false,
    });
  }
  // In claim order, which is the fair order.
  return ids.flatMap((id) => {
    const delivery = byId.get(id);
    return delivery ? [delivery] : [];
  });
}
