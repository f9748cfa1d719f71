import type { WebhookRequest } from "../generated/prisma/client";
import { openNullableSecret } from "../secrets/cipher";
import { type SendableWebhookRequest, toSendableWebhookRequest } from "../webhooks/serializers";
import type { ClaimedDelivery } from "./store-types";

type CachedRequest = { config: SendableWebhookRequest; rateLimited: boolean };

const CACHE_LIMIT = 5_000;
declare global {
  var webhooksRequestConfigs: Map<string, CachedRequest> | undefined;
}

/**
 * A request's config as the renderer takes it, parsed once per request version (its id and
 * updatedAt): a batch of claimed deliveries mostly shares a few requests.
 */
/**
 * A loaded claim row as the worker takes it: the delivery with its project's settings and its
 * request's configuration (cached per request version). Each engine's store parses its own row
 * (the two drivers hand JSON and dates back differently) and ends here.
 */
export function toClaimedDelivery(
  row: {
    id: string;
    projectId: string;
    leaseOwner: string | null;
    status: string;
    attemptCount: number;
    maxAttempts: number;
    nextAttemptAt: Date;
    rendered: ClaimedDelivery["rendered"];
    renderedSealed: string | null;
    call: Record<string, unknown>;
    occurredAt: Date;
    triggerType: ClaimedDelivery["triggerType"];
    timeZone: string;
    gaMeasurementId: string | null;
    gaApiSecret: string | null;
    requestVersion: string | null;
    request: unknown;
  },
  parseRequest: (json: unknown) => WebhookRequest,
): ClaimedDelivery {
  const json = row.request;
  const request =
    json !== null && row.requestVersion !== null
      ? requestConfig(row.requestVersion, () => parseRequest(json))
      : null;
  return {
    id: row.id,
    projectId: row.projectId,
    leaseOwner: row.leaseOwner,
    status: row.status,
    attemptCount: row.attemptCount,
    maxAttempts: row.maxAttempts,
    nextAttemptAt: row.nextAttemptAt,
    rendered: row.rendered,
    renderedSealed: row.renderedSealed,
    call: row.call,
    occurredAt: row.occurredAt,
    triggerType: row.triggerType,
    project: {
      timeZone: row.timeZone,
      gaMeasurementId: row.gaMeasurementId,
      gaApiSecret: openNullableSecret(row.gaApiSecret),
    },
    request: request?.config ?? null,
    rateLimited: request?.rateLimited ?? false,
  };
}

export function requestConfig(version: string, parse: () => WebhookRequest): CachedRequest {
  globalThis.webhooksRequestConfigs ??= new Map();
  const cache = globalThis.webhooksRequestConfigs;
  const cached = cache.get(version);
  if (cached) return cached;
  const row = parse();
  const config = { config: toSendableWebhookRequest(row), rateLimited: row.ratePerSecond !== null };
  // Old versions are never asked for again; dropping everything now and then bounds memory.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(version, config);
  return config;
}
