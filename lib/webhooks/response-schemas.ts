// The events list as the browser reads it from GET /api/v1/webhook-events?include=summary:
// parsed on arrival, never cast, and checked against the DTO types at compile time. Free of
// server imports: the Webhooks page's client code uses it.
import { z } from "zod";
import {
  conditionsSchema,
  DATE_FORMATS,
  FORMATS,
  METHODS,
  paramSchema,
  RETRY_SCHEDULES,
} from "../model/event-schema";
import { TRIGGER_TYPES } from "../model/trigger-types";
import type { WebhookEventDto, WebhookRequestDto } from "./serializers";
import type { WebhookEventSummary } from "./summaries";

const webhookRequestDtoSchema = z.object({
  id: z.string(),
  position: z.number(),
  url: z.string(),
  method: z.enum(METHODS),
  format: z.enum(FORMATS),
  dateFormat: z.enum(DATE_FORMATS),
  headers: z.array(z.object({ name: z.string(), value: z.string(), secret: z.boolean() })),
  params: z.array(paramSchema),
  body: z.string().optional(),
  rpcMethod: z.string().optional(),
  timeoutMs: z.number(),
  retry: z.object({ attempts: z.number(), schedule: z.enum(RETRY_SCHEDULES) }),
  delivery: z.object({ maxInFlight: z.number(), ratePerSecond: z.number().nullable() }),
  signing: z.object({ enabled: z.boolean() }),
  paused: z.object({ at: z.string(), reason: z.string() }).optional(),
}) satisfies z.ZodType<WebhookRequestDto>;

const webhookEventDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(TRIGGER_TYPES),
  trigger: z.object({ group: z.string(), label: z.string() }),
  enabled: z.boolean(),
  locked: z.boolean(),
  conditions: conditionsSchema,
  requests: z.array(webhookRequestDtoSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<WebhookEventDto>;

export const webhookEventSummariesSchema = z.object({
  webhookEvents: z.array(
    webhookEventDtoSchema.extend({
      lastDelivery: z
        .object({ at: z.string(), status: z.string(), statusCode: z.number().nullable() })
        .nullable(),
      errorsLast24h: z.number(),
      errorsSince: z.string(),
    }) satisfies z.ZodType<WebhookEventSummary>,
  ),
});
