import { env } from "../env";
import { logger } from "../observability/logger";
import { type Maintenance, startMaintenance } from "./maintenance";
import { startWorker, type Worker } from "./worker";

declare global {
  var webhooksWorker: Worker | undefined;
  var webhooksMaintenance: Maintenance | undefined;
}

/**
 * Next closes its server and exits on SIGTERM and SIGINT; the worker's stop, started at the same
 * moment, first hands back what it claimed but has not sent yet, so a redeploy resumes it at
 * once. Where nobody else handles the signal, the process ends once the worker has stopped.
 */
function stopOnSignal(signal: NodeJS.Signals): void {
  process.once(signal, () => {
    void stopInProcessWorker().finally(() => {
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  });
}

/** The worker inside the web process: started once per process, however often this is called. */
export function startInProcessWorker(): Worker | null {
  if (!env().WORKER_IN_PROCESS) return null;
  if (!globalThis.webhooksWorker) {
    stopOnSignal("SIGTERM");
    stopOnSignal("SIGINT");
  }
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

/**
 * Stops the in-process worker (SIGTERM, SIGINT): the deliveries it claimed that are not yet on
 * the wire go back to the queue at once, due now, for the next process or another worker; the
 * attempts on the wire finish if the process lives long enough, else their leases lapse.
 */
export async function stopInProcessWorker(): Promise<void> {
  globalThis.webhooksMaintenance?.stop();
  await globalThis.webhooksWorker?.stop();
}
