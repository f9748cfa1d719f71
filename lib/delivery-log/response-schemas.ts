// The API's answers as the browser reads them: parsed on arrival, never cast. Each schema is
// checked against its contract type at compile time, so the two cannot drift apart. Free of
// server imports: the page's client code uses it.
import { z } from "zod";
import { PAUSED_REASON_KEYS } from "../dispatch/paused-reason";
import type {
  AttemptDetail,
  DeliveryDetail,
  DeliveryListItem,
  DeliveryPage,
  HourlyBucket,
  ResendBatch,
} from "./contract";
import { RESEND_REFUSAL_KEYS } from "./resend-rules";

const instant = z.string();

const plainValues = z.record(z.string(), z.union([z.string(), z.number()]));
/** A refusal's key and values; a paused request's reason is a catalog text or its stored words. */
const resendRefusalSchema = z.object({
  key: z.enum(RESEND_REFUSAL_KEYS),
  values: z
    .record(
      z.string(),
      z.union([
        z.string(),
        z.number(),
        z.object({
          namespace: z.literal("pausedReasons"),
          key: z.enum(PAUSED_REASON_KEYS),
          values: plainValues.optional(),
        }),
      ]),
    )
    .optional(),
});
const headerList = z.array(z.object({ name: z.string(), value: z.string() }));

const deliveryListItemSchema = z.object({
  id: z.string(),
  createdAt: instant,
  completedAt: instant.nullable(),
  status: z.enum(["pending", "sending", "succeeded", "failed"]),
  checkedAt: instant.nullable(),
  eventId: z.string().nullable(),
  eventName: z.string(),
  triggerType: z.string(),
  trigger: z.object({ group: z.string(), label: z.string() }),
  requestId: z.string().nullable(),
  method: z.string().nullable(),
  url: z.string().nullable(),
  httpStatus: z.number().nullable(),
  errorKind: z.string().nullable(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
  attempts: z.number(),
  maxAttempts: z.number(),
  nextAttemptAt: instant.nullable(),
  callId: z.string().nullable(),
  caller: z.string().nullable(),
}) satisfies z.ZodType<DeliveryListItem>;

export const deliveryPageSchema = z.object({
  items: z.array(deliveryListItemSchema),
  nextCursor: z.string().nullable(),
  total: z.number(),
}) satisfies z.ZodType<DeliveryPage>;

const attemptDetailSchema = z.object({
  number: z.number(),
  startedAt: instant,
  durationMs: z.number(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: headerList,
    body: z.string().nullable(),
  }),
  response: z
    .object({
      status: z.number(),
      headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
      body: z.string().nullable(),
      truncated: z.boolean(),
    })
    .nullable(),
  errorKind: z.string().nullable(),
  error: z.string().nullable(),
}) satisfies z.ZodType<AttemptDetail>;

export const deliveryDetailSchema = deliveryListItemSchema.omit({ attempts: true }).extend({
  attemptCount: z.number(),
  callEvent: z.object({
    id: z.string(),
    type: z.string(),
    occurredAt: instant,
    call: z.record(z.string(), z.unknown()),
  }),
  attempts: z.array(attemptDetailSchema),
  curl: z.string().nullable(),
  resendBlockedReason: z.string().nullable(),
  resendBlockedText: resendRefusalSchema.nullable(),
}) satisfies z.ZodType<DeliveryDetail>;

export const resendBatchSchema = z.object({
  id: z.string(),
  total: z.number(),
  pending: z.number(),
  succeeded: z.number(),
  failed: z.number(),
  skipped: z.array(
    z.object({ id: z.string(), reason: z.string(), reasonText: resendRefusalSchema }),
  ),
  skippedCount: z.number(),
}) satisfies z.ZodType<ResendBatch>;

export const hourlyCountsSchema = z.object({
  buckets: z.array(
    z.object({
      hour: instant,
      succeeded: z.number(),
      failed: z.number(),
    }) satisfies z.ZodType<HourlyBucket>,
  ),
});
