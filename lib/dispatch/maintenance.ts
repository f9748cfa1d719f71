import { errorMessage } from "../errors";
import { deleteExpiredDeliveries } from "./retention";

export const MAINTENANCE_EVERY_MS = 10 * 60_000;
/** The first run waits a little, so start-up (migrations, the first requests) comes first. */
const FIRST_RUN_AFTER_MS = 30_000;

export type Maintenance = {
  /** One run now (tests, the first start); resolves when it is done. */
  runNow: () => Promise<void>;
  stop: () => void;
};

/**
 * Periodic housekeeping beside the delivery worker: deletes deliveries that finished longer ago
 * than the retention period. Runs never overlap; every worker process may run it, since
 * deleting is idempotent.
 */
export function startMaintenance(options: {
  retentionDays: number;
  everyMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}): Maintenance {
  const log = options.log ?? (() => {});
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const runNow = () => {
    running ??= deleteExpiredDeliveries({ olderThanDays: options.retentionDays })
      .then((result) => {
        if (result.deliveries + result.callEvents > 0) {
          log(
            `retention: deleted ${result.deliveries} deliveries, ${result.attempts} attempts, ${result.callEvents} call events finished more than ${options.retentionDays} days ago`,
          );
        }
      })
      .catch((error: unknown) => log(`retention failed: ${errorMessage(error)}`))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runNow().then(() => schedule(options.everyMs ?? MAINTENANCE_EVERY_MS));
    }, ms);
    timer.unref();
  };
  if (options.retentionDays > 0) schedule(FIRST_RUN_AFTER_MS);

  return {
    runNow,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
