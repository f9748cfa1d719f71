import type { WebhookEvent, WebhookRequest } from "../generated/prisma/client";
import type { Conditions, WebhookRequestConfig } from "../model/event-schema";
import { maskHeaders } from "../model/sensitive";
import { describeTrigger, type TriggerType } from "../model/trigger-types";
import { openNullableSecret, sealSecret } from "../secrets/cipher";
import { parseWebhookEventRow, parseWebhookRequestRow } from "./rows";

export type WebhookRequestDto = Omit<WebhookRequestConfig, "id" | "signing"> & {
  id: string;
  position: number;
  /** The secret itself is never here: an admin reveals it (revealWebhookEventSecrets). */
  signing: { enabled: boolean };
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

/**
 * Whether the DTO carries the sensitive header values. Only the services that need the real
 * request (copy, test send) ask for them; everything that leaves for a browser or an API
 * client is masked, and an admin reveals the values on demand.
 */
export type SecretView = "masked" | "unmasked";

/**
 * The stored row back in the shape the schema produced: what POST stores, GET returns, with
 * sensitive header values masked (lib/model/sensitive.ts) and no signing secret.
 */
export function toWebhookRequestDto(
  stored: WebhookRequest,
  view: SecretView = "masked",
): WebhookRequestDto {
  const row = parseWebhookRequestRow(stored);
  return {
    id: row.id,
    position: row.position,
    url: row.url,
    method: row.method,
    format: row.format,
    dateFormat: row.dateFormat,
    headers: view === "masked" ? maskHeaders(row.headers) : row.headers,
    params: row.params,
    ...(row.body === null ? {} : { body: row.body }),
    ...(row.rpcMethod === null ? {} : { rpcMethod: row.rpcMethod }),
    timeoutMs: row.timeoutMs,
    retry: {
      attempts: row.retryAttempts,
      schedule: row.retrySchedule,
    },
    delivery: { maxInFlight: row.maxInFlight, ratePerSecond: row.ratePerSecond },
    signing: { enabled: row.signingEnabled },
    ...(row.pausedAt
      ? { paused: { at: row.pausedAt.toISOString(), reason: row.pausedReason ?? "Paused" } }
      : {}),
  };
}

export function toWebhookEventDto(
  stored: WebhookEvent & { requests: WebhookRequest[] },
  view: SecretView = "masked",
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
    requests: [...event.requests]
      .sort((a, b) => a.position - b.position)
      .map((request) => toWebhookRequestDto(request, view)),
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}

/**
 * The request as the worker sends it: every header value as stored and the signing secret.
 * It never leaves the server; the engine (lib/dispatch) is its only reader.
 */
export type SendableWebhookRequest = Omit<WebhookRequestDto, "signing"> & {
  signing: {
    enabled: boolean;
    secret?: string;
    /** The secret before the last rotation and until when it still signs. */
    previous?: { secret: string; until: Date };
  };
};

export function toSendableWebhookRequest(stored: WebhookRequest): SendableWebhookRequest {
  const dto = toWebhookRequestDto(stored, "unmasked");
  const secret = openNullableSecret(stored.signingSecret);
  const previous = openNullableSecret(stored.previousSigningSecret);
  const until = stored.previousSigningSecretUntil;
  return {
    ...dto,
    signing: {
      enabled: stored.signingEnabled,
      ...(stored.signingEnabled && secret ? { secret } : {}),
      ...(stored.signingEnabled && previous && until
        ? { previous: { secret: previous, until } }
        : {}),
    },
  };
}

/** What an admin sees on Reveal: each request's headers as stored and its signing secret. */
export type WebhookRequestSecrets = {
  id: string;
  headers: Array<{ name: string; value: string; secret: boolean }>;
  signingSecret: string | null;
};

export function toWebhookRequestSecrets(stored: WebhookRequest): WebhookRequestSecrets {
  const row = parseWebhookRequestRow(stored);
  return {
    id: row.id,
    headers: row.headers,
    signingSecret: row.signingEnabled ? (row.signingSecret ?? null) : null,
  };
}

/** A secret header's value as stored: sealed (an empty value has nothing to hide). */
export function sealHeaders(headers: WebhookRequestConfig["headers"]) {
  return headers.map((header) =>
    header.secret && header.value !== "" ? { ...header, value: sealSecret(header.value) } : header,
  );
}

/** Columns of a request row from its parsed configuration; secret header values sealed. */
export function toWebhookRequestData(config: WebhookRequestConfig, position: number) {
  return {
    position,
    url: config.url,
    method: config.method,
    format: config.format,
    dateFormat: config.dateFormat,
    headers: sealHeaders(config.headers),
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
