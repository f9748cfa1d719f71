// The process's Prometheus metrics. Next bundles route handlers and instrumentation separately,
// so a module-level registry would exist once per bundle and each would report a part: the
// registry and its metrics live on globalThis, one per process.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export type AttemptOutcome = "succeeded" | "failed";
export type DeliveryOutcome = "succeeded" | "failed";
export type QueueState = "due" | "scheduled" | "sending";

export type WebhookMetrics = {
  registry: Registry;
  /** Call events stored by ingest (a repeated external id is not counted again). */
  callEventsIngested: Counter;
  /** Deliveries that reached a final state, by that state. */
  deliveriesCompleted: Counter<"outcome">;
  /** One observation per attempt sent, by whether the receiver accepted it. */
  attemptDuration: Histogram<"outcome">;
  /** Attempts this process's worker is sending right now. */
  workerInFlight: Gauge;
  /** Deliveries in the queue by state; set at scrape time from the database. */
  queueDepth: Gauge<"state">;
  /** How long the oldest due delivery has waited past its time; 0 when none is due. */
  oldestDueAgeSeconds: Gauge;
};

function createMetrics(): WebhookMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "webhooks_process_" });
  return {
    registry,
    callEventsIngested: new Counter({
      name: "webhooks_call_events_ingested_total",
      help: "Call events stored by ingest",
      registers: [registry],
    }),
    deliveriesCompleted: new Counter({
      name: "webhooks_deliveries_completed_total",
      help: "Deliveries that reached a final state, by outcome",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    attemptDuration: new Histogram({
      name: "webhooks_attempt_duration_seconds",
      help: "Duration of delivery attempts, from connect to the last response byte",
      labelNames: ["outcome"],
      // Receivers answer in milliseconds to their timeout (up to 30 s).
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    workerInFlight: new Gauge({
      name: "webhooks_worker_in_flight",
      help: "Attempts this process's worker is sending",
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "webhooks_queue_depth",
      help: "Deliveries waiting: due now, scheduled for later, or being sent",
      labelNames: ["state"],
      registers: [registry],
    }),
    oldestDueAgeSeconds: new Gauge({
      name: "webhooks_queue_oldest_due_age_seconds",
      help: "Seconds the oldest due delivery has waited past its time (0 when none is due)",
      registers: [registry],
    }),
  };
}

declare global {
  var webhooksMetrics: WebhookMetrics | undefined;
}

/** The metrics of this process (one set however many bundles ask). */
export function metrics(): WebhookMetrics {
  globalThis.webhooksMetrics ??= createMetrics();
  return globalThis.webhooksMetrics;
}
