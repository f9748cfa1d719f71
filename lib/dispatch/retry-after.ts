/** Statuses whose Retry-After means "try again later" (RFC 9110 §10.2.3); on 3xx it means else. */
const RETRY_AFTER_STATUSES = new Set([429, 503]);

/**
 * Retry-After as milliseconds from `now`: delay-seconds ("120") or an HTTP date. A date in the
 * past means "now" (0). Anything unreadable is ignored rather than guessed at.
 */
export function retryAfterMs(
  status: number,
  header: string | string[] | undefined,
  now: Date,
): number | null {
  if (!RETRY_AFTER_STATUSES.has(status)) return null;
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // Date.parse also reads loose text ("5"); only accept what looks like an HTTP date.
  if (!/^[A-Za-z]{3,9},? /.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
