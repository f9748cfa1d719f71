import type { WebhookEvent, WebhookRequest } from "../generated/prisma/client";
import type { Conditions, WebhookRequestConfig } from "../model/event-schema";
import { describeTrigger, type TriggerType } from "../model/trigger-types";
import { parseWebhookEventRow, parseWebhookRequestRow } from "./rows";

export type WebhookRequestDto = Omit<WebhookRequestConfig, "id" | "signing"> & {
  id: string;
  position: number;
  /** The secret is shown to the admin so the receiver can verify signatures. */
  signing: { enabled: boolean; secret?: string };
  /** Set when deliveries stopped: 410 Gone, or too many failures in a row. */
  paused?: { at: string; reason: string };
};

export type WebhookEventDto = {
  id: string;
  name: string;
  type: TriggerType;
  trigger: { group: string; label: string };
  enabled: boolean;
  locked: boolean;
  conditions: Conditions;
  requests: WebhookRequestDto[];
  createdAt: string;
  updatedAt: string;
};

/** The stored row back in the shape the schema produced: what POST stores, GET returns. */
export function toWebhookRequestDto(stored: WebhookRequest): WebhookRequestDto {
  const row = parseWebhookRequestRow(stored);
  return {
    id: row.id,
    position: row.position,
    url: row.url,
    method: row.method,
    format: row.format,
    dateFormat: row.dateFormat,
    headers: row.headers,
    params: row.params,
    ...(row.body === null ? {} : { body: row.body }),
    ...(row.rpcMethod === null ? {} : { rpcMethod: row.rpcMethod }),
    timeoutMs: row.timeoutMs,
    retry: {
      attempts: row.retryAttempts,
      schedule: row.retrySchedule,
    },
    delivery: { maxInFlight: row.maxInFlight, ratePerSecond: row.ratePerSecond },
    signing: {
      enabled: row.signingEnabled,
      ...(row.signingEnabled && row.signingSecret ? { secret: row.signingSecret } : {}),
    },
    ...(row.pausedAt
      ? { paused: { at: row.pausedAt.toISOString(), reason: row.pausedReason ?? "Paused" } }
      : {}),
  };
}

export function toWebhookEventDto(
  stored: WebhookEvent & { requests: WebhookRequest[] },
): WebhookEventDto {
  const event = parseWebhookEventRow(stored);
  return {
    id: event.id,
    name: event.name,
    type: event.triggerType,
    trigger: describeTrigger(event.triggerType),
    enabled: event.enabled,
    locked: event.locked,
    conditions: event.conditions,
    requests: [...event.requests].sort((a, b) => a.position - b.position).map(toWebhookRequestDto),
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

/** Columns of a request row from its parsed configuration. */
export function toWebhookRequestData(config: WebhookRequestConfig, position: number) {
  return {
    position,
    url: config.url,
    method: config.method,
    format: config.format,
    dateFormat: config.dateFormat,
    headers: config.headers,
    params: config.params,
    body: config.body ?? null,
    rpcMethod: config.rpcMethod ?? null,
    timeoutMs: config.timeoutMs,
    retryAttempts: config.retry.attempts,
    retrySchedule: config.retry.schedule,
    maxInFlight: config.delivery.maxInFlight,
    ratePerSecond: config.delivery.ratePerSecond,
    signingEnabled: config.signing.enabled,
  };
}
