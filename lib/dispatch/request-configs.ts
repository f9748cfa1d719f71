import type { WebhookRequest } from "../generated/prisma/client";
import { toWebhookRequestDto, type WebhookRequestDto } from "../webhooks/serializers";

type CachedRequest = { config: WebhookRequestDto; rateLimited: boolean };

const CACHE_LIMIT = 5_000;
declare global {
  var webhooksRequestConfigs: Map<string, CachedRequest> | undefined;
}

/**
 * A request's config as the renderer takes it, parsed once per request version (its id and
 * updatedAt): a batch of claimed deliveries mostly shares a few requests.
 */
export function requestConfig(version: string, parse: () => WebhookRequest): CachedRequest {
  globalThis.webhooksRequestConfigs ??= new Map();
  const cache = globalThis.webhooksRequestConfigs;
  const cached = cache.get(version);
  if (cached) return cached;
  const row = parse();
  const config = { config: toWebhookRequestDto(row), rateLimited: row.ratePerSecond !== null };
  // Old versions are never asked for again; dropping everything now and then bounds memory.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(version, config);
  return config;
}
