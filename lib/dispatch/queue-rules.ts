// Rules both engines' stores apply the same way.
import { failuresReason, goneReason } from "./paused-reason";
import { PAUSE_AFTER_FAILURES, type Settlement } from "./store-types";

/** A request's rate limit counts deliveries claimed per window of this length. */
export const RATE_WINDOW_MS = 1000;

/** Why a failed delivery pauses its request, if it does. */
export function pauseReason(item: Settlement, failures: number): string | null {
  if (item.gone) return goneReason();
  if (failures >= PAUSE_AFTER_FAILURES) return failuresReason(failures);
  return null;
}

/** How many of the claimed rows belong to each request (counted into its rate window). */
export function countPerRequest(
  rows: Array<{ webhookRequestId: string | null }>,
): Map<string, number> {
  const perRequest = new Map<string, number>();
  for (const row of rows) {
    if (row.webhookRequestId)
      perRequest.set(row.webhookRequestId, (perRequest.get(row.webhookRequestId) ?? 0) + 1);
  }
  return perRequest;
}
