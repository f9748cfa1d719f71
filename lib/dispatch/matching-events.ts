import { conditionsSchema } from "../model/event-schema";
import type { TriggerType } from "../model/trigger-types";
import type { MatchingEvent } from "./store-types";

export type { MatchingEvent } from "./store-types";

// Ingest reads the same few events for every call of a project; they change rarely. The cache
// lives on globalThis (one per process, seen by every bundle) and is checked against the
// project's webhookConfigVersion, which database triggers move on any change to its events or
// requests by anyone, in any process: one primary-key read per call instead of a join.
type Entry = { version: number; events: MatchingEvent[] };
declare global {
  var webhooksMatchingEvents: Map<string, Entry> | undefined;
}
const CACHE_LIMIT = 10_000;

/** One row of an engine's events query: an event with one of its active requests. */
export type MatchingEventRow = {
  eventId: string;
  name: string;
  conditions: unknown;
  requestId: string;
  method: string;
  url: string;
  retryAttempts: number;
};

/** Rows in event order, each event's requests in position order, grouped into events. */
export function groupMatchingEvents(rows: Iterable<MatchingEventRow>): MatchingEvent[] {
  const events: MatchingEvent[] = [];
  for (const row of rows) {
    let event = events.at(-1);
    if (event?.id !== row.eventId) {
      event = {
        id: row.eventId,
        name: row.name,
        conditions: row.conditions ? conditionsSchema.parse(row.conditions) : null,
        requests: [],
      };
      events.push(event);
    }
    event.requests.push({
      id: row.requestId,
      method: row.method,
      url: row.url,
      retryAttempts: row.retryAttempts,
    });
  }
  return events;
}

function cacheKey(projectId: string, type: TriggerType): string {
  return `${projectId}|${type}`;
}

/** The cached events of this config version, if this process has read them. */
export function cachedMatchingEvents(
  projectId: string,
  type: TriggerType,
  version: number,
): MatchingEvent[] | undefined {
  const cached = globalThis.webhooksMatchingEvents?.get(cacheKey(projectId, type));
  return cached && cached.version === version ? cached.events : undefined;
}

export function rememberMatchingEvents(
  projectId: string,
  type: TriggerType,
  version: number,
  events: MatchingEvent[],
): void {
  globalThis.webhooksMatchingEvents ??= new Map();
  const cache = globalThis.webhooksMatchingEvents;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(cacheKey(projectId, type), { version, events });
}
