import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { claimDueDeliveries, renewLeases } from "./claim";
import { processDelivery } from "./process";
import { onWake } from "./wake";

export type WorkerOptions = {
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  log?: (message: string) => void;
};

export type Worker = {
  id: string;
  /** Stops claiming, waits for the attempts in flight to finish, then resolves. */
  stop: () => Promise<void>;
  /** Resolves when nothing is due and nothing is in flight (tests use it to wait for quiet). */
  idle: () => Promise<void>;
};

/**
 * Claims due deliveries and sends them with bounded concurrency. Woken at once by ingest in
 * the same process; otherwise polls, which is also how it finds other processes' work and
 * expired leases.
 */
export function startWorker(options: WorkerOptions): Worker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = options.log ?? (() => {});
  const inFlight = new Set<Promise<unknown>>();
  let running = true;
  let wakeUp: (() => void) | null = null;
  let idleWaiters: Array<() => void> = [];

  const wake = () => {
    wakeUp?.();
    wakeUp = null;
  };
  const unsubscribe = onWake(wake);

  // Renewing at a third of the lease leaves two chances before another worker may take over.
  const heartbeat = setInterval(
    () => {
      if (inFlight.size === 0) return;
      renewLeases({ workerId: id, leaseMs: options.leaseMs }).catch((error: unknown) =>
        log(`lease renewal failed: ${(error as Error).message}`),
      );
    },
    Math.max(250, Math.floor(options.leaseMs / 3)),
  );
  heartbeat.unref();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (running) {
      const free = options.concurrency - inFlight.size;
      let claimed: string[] = [];
      if (free > 0) {
        try {
          claimed = await claimDueDeliveries({
            workerId: id,
            limit: free,
            leaseMs: options.leaseMs,
          });
        } catch (error) {
          log(`claim failed: ${(error as Error).message}`);
        }
      }
      for (const deliveryId of claimed) {
        const task = processDelivery(deliveryId, id)
          .catch((error: unknown) =>
            log(`delivery ${deliveryId}: ${(error as Error).stack ?? error}`),
          )
          .finally(() => {
            inFlight.delete(task);
            wake();
          });
        inFlight.add(task);
      }
      if (claimed.length === 0 && inFlight.size === 0) {
        for (const resolve of idleWaiters) resolve();
        idleWaiters = [];
      }
      // A full batch may mean more is due: look again at once while there is room.
      if (claimed.length > 0 && claimed.length === free) continue;
      if (running) await sleep(options.pollMs);
    }
  })();

  return {
    id,
    async stop() {
      running = false;
      unsubscribe();
      wake();
      await loop;
      await Promise.allSettled([...inFlight]);
      clearInterval(heartbeat);
      for (const resolve of idleWaiters) resolve();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake();
      });
    },
  };
}
