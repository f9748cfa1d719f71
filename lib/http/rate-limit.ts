// Request budgets per API key: a token bucket per key and budget, so a runaway client (or a
// leaked key) cannot take the service from everyone else. The telephony platform's ingest has
// its own, larger budget, so a busy script reading the API cannot starve call events.
//
// The buckets live in this process (on globalThis, shared by every bundle). Behind a load
// balancer each web process keeps its own, so a key's effective budget is the budget times the
// number of processes it is spread over.

export type Budget = "ingest" | "api";

export type BudgetLimits = Record<Budget, { perSecond: number; burst: number }>;

type Bucket = { tokens: number; at: number };

declare global {
  var webhooksRateBuckets: Map<string, Bucket> | undefined;
}

/** At most this many buckets are kept; the idlest go first (a full bucket carries no state). */
const MAX_BUCKETS = 50_000;

/**
 * Takes one request from the key's budget. Answers 0 when it may go ahead, otherwise the whole
 * seconds until a token is back (the Retry-After to send).
 */
export function takeFromBudget(
  keyId: string,
  budget: Budget,
  limits: BudgetLimits,
  now = Date.now(),
): number {
  const { perSecond, burst } = limits[budget];
  globalThis.webhooksRateBuckets ??= new Map();
  const buckets = globalThis.webhooksRateBuckets;
  const name = `${budget}:${keyId}`;
  const bucket = buckets.get(name) ?? { tokens: burst, at: now };
  const refilled = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
  if (refilled < 1) {
    buckets.set(name, { tokens: refilled, at: now });
    return Math.max(1, Math.ceil((1 - refilled) / perSecond));
  }
  buckets.delete(name);
  buckets.set(name, { tokens: refilled - 1, at: now });
  if (buckets.size > MAX_BUCKETS) {
    const oldest = buckets.keys().next().value;
    if (oldest !== undefined) buckets.delete(oldest);
  }
  return 0;
}
