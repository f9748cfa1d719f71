import { env } from "../env";
import { logger } from "../observability/logger";
import { type Maintenance, startMaintenance } from "./maintenance";
import { startWorker, type Worker } from "./worker";

declare global {
  var webhooksWorker: Worker | undefined;
  var webhooksMaintenance: Maintenance | undefined;
}

/** The worker inside the web process: started once per process, however often this is called. */
export function startInProcessWorker(): Worker | null {
  if (!env().WORKER_IN_PROCESS) return null;
  globalThis.webhooksWorker ??= startWorker({
    concurrency: env().WORKER_CONCURRENCY,
    pollMs: env().WORKER_POLL_MS,
    leaseMs: env().WORKER_LEASE_MS,
    log: (message, fields) => logger().warn({ component: "worker", ...fields }, message),
  });
  globalThis.webhooksMaintenance ??= startMaintenance({
    retentionDays: env().RETENTION_DAYS,
    log: (message, fields) => logger().warn({ component: "worker", ...fields }, message),
  });
  return globalThis.webhooksWorker;
}
