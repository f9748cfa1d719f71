import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { type CallEvent, callEventSchema } from "../model/call-event";
import type { Conditions } from "../model/event-schema";
import { callMatchesConditions } from "./conditions";
import { wakeWorkers } from "./wake";

export type IngestResult = { created: boolean; callEventId: string; deliveries: string[] };

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002"
  );
}

async function previousResult(projectId: string, externalId: string): Promise<IngestResult | null> {
  const existing = await db.callEvent.findUnique({
    where: { projectId_externalId: { projectId, externalId } },
    select: {
      id: true,
      deliveries: { select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!existing) return null;
  return {
    created: false,
    callEventId: existing.id,
    deliveries: existing.deliveries.map((d) => d.id),
  };
}

/**
 * Stores a call event and one delivery per webhook request of every enabled, matching event of
 * its trigger type, in one transaction: an accepted event is never lost. The same `id` again
 * returns the first result and writes nothing.
 */
export async function ingestCallEvent(projectId: string, body: unknown): Promise<IngestResult> {
  const event: CallEvent = callEventSchema.parse(body);
  if (event.id) {
    const previous = await previousResult(projectId, event.id);
    if (previous) return previous;
  }
  try {
    // Read before the write: an event enabled or edited at this very instant may or may not see
    // this call, as it would a moment earlier or later; what is written is written atomically.
    const webhookEvents = await db.webhookEvent.findMany({
      where: { projectId, triggerType: event.type, enabled: true },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        conditions: true,
        requests: {
          where: { pausedAt: null },
          orderBy: { position: "asc" },
          select: { id: true, retryAttempts: true, method: true, url: true },
        },
      },
    });
    const now = new Date();
    const rows = webhookEvents
      .filter((e) => callMatchesConditions(event.call, e.conditions as Partial<Conditions> | null))
      .flatMap((e) =>
        e.requests.map((request) => ({
          projectId,
          webhookEventId: e.id,
          webhookRequestId: request.id,
          eventName: e.name,
          triggerType: event.type,
          maxAttempts: request.retryAttempts,
          callId: event.call.uniqueid,
          caller: typeof event.call.caller === "string" ? event.call.caller : null,
          requestMethod: request.method,
          // The URL template until the first attempt replaces it with the rendered URL.
          requestUrl: request.url,
          nextAttemptAt: now,
        })),
      );
    // One nested write: Prisma runs the call event and its deliveries in one transaction.
    const callEvent = await db.callEvent.create({
      data: {
        projectId,
        externalId: event.id ?? null,
        triggerType: event.type,
        occurredAt: new Date(event.occurredAt),
        // The schema accepted only JSON values, so the call is JSON all the way down.
        call: event.call as Prisma.InputJsonObject,
        ...(rows.length > 0 ? { deliveries: { createMany: { data: rows } } } : {}),
      },
      select: {
        id: true,
        deliveries: { select: { id: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    });
    const result: IngestResult = {
      created: true,
      callEventId: callEvent.id,
      deliveries: callEvent.deliveries.map((d) => d.id),
    };
    if (result.deliveries.length > 0) wakeWorkers();
    return result;
  } catch (error) {
    // Two requests with the same id raced: the loser answers with the winner's result.
    if (event.id && isUniqueViolation(error)) {
      const previous = await previousResult(projectId, event.id);
      if (previous) return previous;
    }
    throw error;
  }
}
