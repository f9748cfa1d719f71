import { AppError } from "../errors";
import { type CallEvent, callEventSchema } from "../model/call-event";
import { metrics } from "../observability/metrics";
import { callMatchesConditions } from "./conditions";
import { callEventHash } from "./event-hash";
import { engineStore } from "./store";
import type { IngestResult, MatchingEvent, PlannedDelivery } from "./store-types";
import { wakeLocalWorkers } from "./wake";

export type { IngestResult } from "./store-types";

/** One delivery per active request of every matching event whose conditions the call meets. */
function planDeliveries(event: CallEvent, events: MatchingEvent[]): PlannedDelivery[] {
  return events.flatMap((webhookEvent) =>
    callMatchesConditions(event.call, webhookEvent.conditions)
      ? webhookEvent.requests.map((request) => ({ event: webhookEvent, request }))
      : [],
  );
}

/**
 * Stores a call event and one delivery per webhook request of every enabled, matching event of
 * its trigger type, in one transaction: an accepted event is never lost. The same `id` again
 * returns the first result and writes nothing, even when both requests arrive at once, in this
 * process or another; the same `id` with a different event is refused (409, field `id`).
 */
export async function ingestCallEvent(projectId: string, body: unknown): Promise<IngestResult> {
  const event: CallEvent = callEventSchema.parse(body);
  const bodyHash = callEventHash(event);
  const { bodyHash: storedHash, ...result } = await engineStore().ingest(
    projectId,
    event,
    bodyHash,
    (events) => planDeliveries(event, events),
  );
  // Rows stored before the hash existed have none: their id keeps answering the first result.
  if (!result.created && storedHash !== null && storedHash !== bodyHash) {
    throw new AppError(
      "conflict",
      `Call event id ${JSON.stringify(event.id)} was already used for a different event; send a new id for a new event`,
      "id",
    );
  }
  if (result.created) metrics().callEventsIngested.inc();
  // Other processes' workers were told by the store (the commit itself, or its notification).
  if (result.created && result.deliveries.length > 0) wakeLocalWorkers();
  return result;
}
