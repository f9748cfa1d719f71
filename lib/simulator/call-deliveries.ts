import { db } from "../db/client";
import { parseRenderedSnapshot } from "../dispatch/rendered-snapshot";
import { deliveryStatusSchema } from "../model/delivery-status";
import { parseColumn } from "../model/stored";
import { isTriggerType, type TriggerType } from "../model/trigger-types";
import type { CallEventDeliveriesDto } from "./delivery-status";

/** The simulator follows one call: at most its five moments, so a short list is enough. */
export const MAX_CALL_EVENTS_PER_READ = 10;

// The host of a URL template: the host can never come from a variable, so a plain match on the
// template is exact even when the path or query holds {{placeholders}}.
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\/(?:[^@/?#]*@)?([^/?#]+)/i.exec(url)?.[1] ?? null;
}

/**
 * The deliveries of the given call events, scoped by the project: ids of another project's
 * call events return nothing. Call events come back in the order asked for.
 */
export async function listCallEventDeliveries(
  projectId: string,
  callEventIds: readonly string[],
): Promise<CallEventDeliveriesDto[]> {
  const ids = [...new Set(callEventIds)].slice(0, MAX_CALL_EVENTS_PER_READ);
  if (ids.length === 0) return [];
  const events = await db.callEvent.findMany({
    where: { projectId, id: { in: ids } },
    select: {
      id: true,
      triggerType: true,
      deliveries: {
        where: { projectId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          eventName: true,
          status: true,
          lastStatusCode: true,
          attemptCount: true,
          maxAttempts: true,
          lastErrorKind: true,
          lastError: true,
          nextAttemptAt: true,
          rendered: true,
          webhookRequest: { select: { url: true } },
        },
      },
    },
  });
  const byId = new Map(events.map((e) => [e.id, e]));
  return ids.flatMap((id) => {
    const event = byId.get(id);
    if (!event) return [];
    return [
      {
        callEventId: event.id,
        triggerType: event.triggerType,
        deliveries: event.deliveries.map((d) => {
          const ref = { table: "Delivery", id: d.id };
          const status = parseColumn(deliveryStatusSchema, d.status, ref, "status");
          // Once sent, the rendered URL; before that, the request's template.
          const url =
            d.rendered === null
              ? d.webhookRequest?.url
              : parseRenderedSnapshot(d.rendered, d.id).url;
          return {
            id: d.id,
            eventName: d.eventName,
            host: hostOf(url),
            status,
            statusCode: d.lastStatusCode,
            attempts: d.attemptCount,
            maxAttempts: d.maxAttempts,
            errorKind: d.lastErrorKind,
            error: d.lastError,
            nextAttemptAt: status === "pending" ? d.nextAttemptAt.toISOString() : null,
          };
        }),
      },
    ];
  });
}

/** How many enabled events listen to each trigger type: what a simulated call will fire. */
export async function countListeningEvents(
  projectId: string,
): Promise<Partial<Record<TriggerType, number>>> {
  const groups = await db.webhookEvent.groupBy({
    by: ["triggerType"],
    where: { projectId, enabled: true },
    _count: { _all: true },
  });
  const counts: Partial<Record<TriggerType, number>> = {};
  for (const group of groups) {
    if (isTriggerType(group.triggerType)) counts[group.triggerType] = group._count._all;
  }
  return counts;
}
