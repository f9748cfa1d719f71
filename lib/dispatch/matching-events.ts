import { z } from "zod";
import { statement } from "../db/engine-connection";
import { conditionsSchema } from "../model/event-schema";
import type { TriggerType } from "../model/trigger-types";
import { sqlJson } from "./sql-values";

export type MatchingEvent = {
  id: string;
  name: string;
  conditions: z.output<typeof conditionsSchema> | null;
  requests: Array<{ id: string; method: string; url: string; retryAttempts: number }>;
};

// Ingest reads the same few events for every call of a project; they change rarely. The cache
// lives on globalThis (one per process, seen by every bundle) and is checked against the
// project's webhookConfigVersion, which database triggers move on any change to its events or
// requests by anyone, in any process: one primary-key read per call instead of a join.
type Entry = { version: number; events: MatchingEvent[] };
const globalForCache = globalThis as unknown as { webhooksMatchingEvents?: Map<string, Entry> };
const CACHE_LIMIT = 10_000;

const VERSION_SQL = `SELECT "webhookConfigVersion" AS "version" FROM "Project" WHERE "id" = @projectId`;

// Events in creation order, each event's requests in position order: the order deliveries are
// written and listed in. Paused requests get no new deliveries.
const EVENTS_SQL = `
SELECT e."id" AS "eventId", e."name", e."conditions", r."id" AS "requestId", r."method", r."url",
  r."retryAttempts"
FROM "WebhookEvent" e
JOIN "WebhookRequest" r ON r."eventId" = e."id" AND r."pausedAt" IS NULL
WHERE e."projectId" = @projectId AND e."triggerType" = @type AND e."enabled" = 1
ORDER BY e."createdAt", e."id", r."position"`;

const versionSchema = z.object({ version: z.number().int() });
const eventRowSchema = z.object({
  eventId: z.string(),
  name: z.string(),
  conditions: sqlJson(conditionsSchema.partial().nullable()).nullable(),
  requestId: z.string(),
  method: z.string(),
  url: z.string(),
  retryAttempts: z.number().int(),
});

function readEvents(projectId: string, type: TriggerType): MatchingEvent[] {
  const events: MatchingEvent[] = [];
  for (const raw of statement(EVENTS_SQL).all({ projectId, type })) {
    const row = eventRowSchema.parse(raw);
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

/** The enabled events of a trigger type with their active requests (call inside a transaction). */
export function loadMatchingEvents(projectId: string, type: TriggerType): MatchingEvent[] {
  const versionRow = statement(VERSION_SQL).get({ projectId });
  if (versionRow === undefined) return [];
  const { version } = versionSchema.parse(versionRow);
  globalForCache.webhooksMatchingEvents ??= new Map();
  const cache = globalForCache.webhooksMatchingEvents;
  const key = `${projectId}|${type}`;
  const cached = cache.get(key);
  if (cached && cached.version === version) return cached.events;
  const events = readEvents(projectId, type);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, { version, events });
  return events;
}
