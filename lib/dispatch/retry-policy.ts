// When to try a failed delivery again. Exponential by default: early retries catch a receiver
// that blipped, later ones a receiver that is down for a deploy or an outage.

export const EXPONENTIAL_DELAYS_MS = [
  10_000, // 10 s
  60_000, // 1 min
  10 * 60_000, // 10 min
  60 * 60_000, // 1 h
  3 * 60 * 60_000, // 3 h
  6 * 60 * 60_000, // 6 h
  12 * 60 * 60_000, // 12 h
  24 * 60 * 60_000, // 24 h
  24 * 60 * 60_000,
] as const;

export const FIXED_DELAY_MS = 60_000;

/** A receiver's Retry-After is honoured within these bounds, so it can neither hammer nor stall us. */
export const RETRY_AFTER_MIN_MS = 1_000;
export const RETRY_AFTER_MAX_MS = 60 * 60_000;

const JITTER = 0.2;

export type RetrySchedule = "exponential" | "fixed";

export type RetryDecision =
  | { retry: true; delayMs: number }
  | { retry: false; reason: "exhausted" | "gone" };

/**
 * After attempt number `attempt` (1-based) failed: retry, and when, or stop.
 * `random` is injectable so tests can pin the jitter.
 */
export function decideRetry(input: {
  attempt: number;
  maxAttempts: number;
  schedule: RetrySchedule;
  status: number | null;
  retryAfterMs: number | null;
  random?: () => number;
}): RetryDecision {
  if (input.status === 410) return { retry: false, reason: "gone" };
  if (input.attempt >= input.maxAttempts) return { retry: false, reason: "exhausted" };
  if (input.retryAfterMs !== null && (input.status === 429 || input.status === 503)) {
    return {
      retry: true,
      delayMs: Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, input.retryAfterMs)),
    };
  }
  const base =
    input.schedule === "fixed"
      ? FIXED_DELAY_MS
      : (EXPONENTIAL_DELAYS_MS[input.attempt - 1] ??
        EXPONENTIAL_DELAYS_MS[EXPONENTIAL_DELAYS_MS.length - 1] ??
        FIXED_DELAY_MS);
  // Jitter spreads the retries of a burst that failed together, so they do not return together.
  const random = input.random ?? Math.random;
  const factor = 1 - JITTER + random() * 2 * JITTER;
  return { retry: true, delayMs: Math.round(base * factor) };
}
