import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { metrics } from "../observability/metrics";
import { claimDeliveryBatch, renewLeases } from "./claim";
import type { ClaimedDelivery } from "./claimed-delivery";
import { sendClaimed } from "./process";
import { createSettler } from "./settle";
import { onWake, type QueueWatcher, queueWatcher } from "./wake";

export type WorkerOptions = {
  concurrency: number;
  pollMs: number;
  leaseMs: number;
  /** Problems worth an operator's eye, with the ids they concern. */
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** How this worker hears of work queued by other processes (the engine's by default). */
  watcher?: QueueWatcher;
};

export type Worker = {
  id: string;
  /** Stops claiming, waits for the attempts in flight to finish, then resolves. */
  stop: () => Promise<void>;
  /** Resolves when nothing is due and nothing is in flight (tests use it to wait for quiet). */
  idle: () => Promise<void>;
};

/**
 * While due work is held back by a request's in-flight cap or rate limit, the worker looks
 * again this soon instead of waiting a whole poll interval: the cap frees up when another
 * process's attempt finishes, the rate window when its second is over.
 */
const HELD_BACK_RECHECK_MS = 50;
/** A rate window lasts a second; after claiming for a rate-limited request, recheck that long. */
const RATE_WINDOW_WATCH_MS = 1_500;

function messageOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Claims due deliveries in batches and sends them with bounded concurrency. Woken at once by
 * ingest in the same process and within milliseconds by another process's commits; the poll
 * interval is the fallback that finds retries coming due and expired leases.
 */
export function startWorker(options: WorkerOptions): Worker {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = options.log ?? (() => {});
  const settler = createSettler();
  const inFlight = new Set<Promise<unknown>>();
  let running = true;
  let woken = false;
  let wakeUp: (() => void) | null = null;
  let idleWaiters: Array<() => void> = [];
  let rateLimitedUntil = 0;

  const wake = () => {
    woken = true;
    wakeUp?.();
    wakeUp = null;
  };
  const unsubscribe = onWake(wake);
  const unwatch = (options.watcher ?? queueWatcher()).watch(wake);

  // Renewing at a third of the lease leaves two chances before another worker may take over.
  const heartbeat = setInterval(
    () => {
      if (inFlight.size === 0) return;
      renewLeases({ workerId: id, leaseMs: options.leaseMs }).catch((error: unknown) =>
        log(`lease renewal failed: ${messageOf(error)}`, { workerId: id }),
      );
    },
    Math.max(250, Math.floor(options.leaseMs / 3)),
  );
  heartbeat.unref();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const { workerInFlight } = metrics();
  const start = (delivery: ClaimedDelivery) => {
    workerInFlight.inc();
    const task = sendClaimed(delivery, id, settler)
      .catch((error: unknown) =>
        log(`delivery failed to process: ${messageOf(error)}`, {
          workerId: id,
          deliveryId: delivery.id,
        }),
      )
      .finally(() => {
        workerInFlight.dec();
        inFlight.delete(task);
        wake();
      });
    inFlight.add(task);
  };

  const loop = (async () => {
    while (running) {
      woken = false;
      const free = options.concurrency - inFlight.size;
      let claimed: ClaimedDelivery[] = [];
      let failed = false;
      if (free > 0) {
        try {
          claimed = await claimDeliveryBatch({
            workerId: id,
            limit: free,
            leaseMs: options.leaseMs,
          });
        } catch (error) {
          failed = true;
          log(`claim failed: ${messageOf(error)}`, { workerId: id });
        }
      }
      for (const delivery of claimed) {
        if (delivery.rateLimited) rateLimitedUntil = Date.now() + RATE_WINDOW_WATCH_MS;
        start(delivery);
      }
      if (claimed.length === 0 && inFlight.size === 0 && !failed) {
        for (const resolve of idleWaiters) resolve();
        idleWaiters = [];
      }
      // A full batch may mean more is due: look again at once while there is room.
      if (claimed.length > 0 && claimed.length === free) continue;
      const heldBack = claimed.length > 0 || Date.now() < rateLimitedUntil;
      if (running)
        await sleep(heldBack ? Math.min(HELD_BACK_RECHECK_MS, options.pollMs) : options.pollMs);
    }
  })();

  return {
    id,
    async stop() {
      running = false;
      unsubscribe();
      unwatch();
      wake();
      await loop;
      await Promise.allSettled([...inFlight]);
      await settler.flush();
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
