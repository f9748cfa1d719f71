import { db } from "../db/client";
import type { WebhookEventDto } from "./serializers";
import { listWebhookEvents } from "./service";

export type DeliveryOutcome = {
  at: string;
  status: string;
  statusCode: number | null;
};

export type WebhookEventSummary = WebhookEventDto & {
  lastDelivery: DeliveryOutcome | null;
  /** Failed deliveries created since `errorsSince` that nobody has marked checked yet. */
  errorsLast24h: number;
  errorsSince: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The events with their latest delivery and their unchecked failed deliveries of the last 24
 * hours (what the error check page lists for the event from `errorsSince`).
 * Each latest delivery is one probe of the (projectId, webhookEventId, createdAt) index; the
 * failures are one range of the (projectId, status, createdAt) index, grouped by event.
 */
export async function listWebhookEventSummaries(
  projectId: string,
  now = new Date(),
): Promise<WebhookEventSummary[]> {
  const events = await listWebhookEvents(projectId);
  const since = new Date(now.getTime() - DAY_MS);
  const [latest, failures] = await Promise.all([
    Promise.all(
      events.map((event) =>
        db.delivery.findFirst({
          where: { projectId, webhookEventId: event.id },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true, status: true, lastStatusCode: true },
        }),
      ),
    ),
    db.delivery.groupBy({
      by: ["webhookEventId"],
      where: { projectId, status: "failed", checkedAt: null, createdAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const failedByEvent = new Map(failures.map((f) => [f.webhookEventId, f._count._all]));
  return events.map((event, index) => {
    const last = latest[index];
    return {
      ...event,
      lastDelivery: last
        ? { at: last.createdAt.toISOString(), status: last.status, statusCode: last.lastStatusCode }
        : null,
      errorsLast24h: failedByEvent.get(event.id) ?? 0,
      errorsSince: since.toISOString(),
    };
  });
}
