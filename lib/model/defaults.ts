import type { DateFormat, Format, Method, RetrySchedule } from "./params-schema";

/**
 * What a webhook request gets for each setting the admin leaves out: the schema's defaults, the
 * wizard's new request, the default event and the demo data all read them here.
 * prisma/schema.prisma repeats them as column defaults (a unit test keeps the two equal).
 */
export const REQUEST_DEFAULTS: {
  /** The wizard's first choice; the API requires a method. */
  readonly method: Method;
  readonly format: Format;
  readonly dateFormat: DateFormat;
  readonly timeoutMs: number;
  readonly retry: { readonly attempts: number; readonly schedule: RetrySchedule };
  /** Politeness towards the receiver; ratePerSecond null means no rate limit. */
  readonly delivery: { readonly maxInFlight: number; readonly ratePerSecond: number | null };
  readonly signing: { readonly enabled: boolean };
} = Object.freeze({
  method: "POST",
  format: "json",
  dateFormat: "standard",
  timeoutMs: 10_000,
  // 4 in all, exponential with jitter: retries span about 11 minutes before a delivery fails.
  retry: Object.freeze({ attempts: 4, schedule: "exponential" }),
  // A small CRM is rarely hurt by 8 requests at once; a flood beyond that waits in the queue.
  delivery: Object.freeze({ maxInFlight: 8, ratePerSecond: null }),
  signing: Object.freeze({ enabled: false }),
});

/** An event's conditions when none are set: every list empty ("any"), no minimum duration. */
export function emptyConditions(): {
  employeeNumbers: string[];
  departments: string[];
  dispositions: string[];
  minDurationSec: number | null;
} {
  return { employeeNumbers: [], departments: [], dispositions: [], minDurationSec: null };
}
