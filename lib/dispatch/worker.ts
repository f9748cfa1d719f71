import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { metrics } from "../observability/metrics";
import { claimDeliveryBatch, releaseLeases, renewLeases } from "./claim";
import type { ClaimedDelivery } from "./claimed-delivery";
import { sendClaimed } from "./process";
import { createSettler } from "./settle";
import { onWake, type QueueWatcher, queueWatcher } from "./wake";
import { Withdrawal } from "./withdrawal";

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
  /**
   * Stops claiming and hands back at once the claimed deliveries not yet on the wire (pending
   * and due again, for any worker); waits for the attempts on the wire to finish and be
   * recorded, then resolves.
   */
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

/**
 * A delivery whose outcome could not be recorded (the settle failed) is handed back this long
 * after, or at the latest when its lease lapses: soon, but not in a tight loop should the same
 * failure repeat.
 */
const RETRY_UNRECORDED_AFTER_MS = 5_000;

type Flight = { task: Promise<void>; withdrawal: Withdrawal };

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
  /** The deliveries this worker is processing right now, by id: the only leases it renews. */
  const inFlight = new Map<string, Flight>();
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
      renewLeases({ workerId: id, ids: [...inFlight.keys()], leaseMs: options.leaseMs }).catch(
        (error: unknown) => log(`lease renewal failed: ${messageOf(error)}`, { workerId: id }),
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
  // Its outcome was not recorded (the database refused the settle, or a bug threw): the row is
  // still leased to this worker. It is handed back to be tried again by any worker; should that
  // fail too, the heartbeat no longer renews it and the lease lapses.
  const handBackUnrecorded = async (deliveryId: string, error: unknown) => {
    log(`delivery failed to process, it will be tried again: ${messageOf(error)}`, {
      workerId: id,
      deliveryId,
    });
    const retryAfterMs = Math.min(RETRY_UNRECORDED_AFTER_MS, options.leaseMs);
    await releaseLeases({
      workerId: id,
      ids: [deliveryId],
      dueAt: new Date(Date.now() + retryAfterMs),
    }).catch((releaseError: unknown) =>
      log(`lease release failed, the lease will lapse: ${messageOf(releaseError)}`, {
        workerId: id,
        deliveryId,
      }),
    );
  };

  const start = (delivery: ClaimedDelivery) => {
    workerInFlight.inc();
    const withdrawal = new Withdrawal();
    const task = sendClaimed(delivery, id, settler, withdrawal)
      .then(
        () => {},
        (error: unknown) => handBackUnrecorded(delivery.id, error),
      )
      .finally(() => {
        workerInFlight.dec();
        inFlight.delete(delivery.id);
        wake();
      });
    inFlight.set(delivery.id, { task, withdrawal });
  };

  // What waits for a socket, a lookup or a connection goes back to the queue due now, so a
  // redeploy does not leave it for a lease period; what is on the wire finishes. A withdrawn
  // delivery's request is cancelled on the spot and it is never settled, so its lease can be
  // released without waiting for its task: a process about to exit may not give it long.
  const withdrawWaiting = async () => {
    const withdrawn = [...inFlight].flatMap(([deliveryId, { withdrawal }]) =>
      !withdrawal.withdrawn && withdrawal.withdraw() ? [deliveryId] : [],
    );
    if (withdrawn.length === 0) return;
    try {
      await releaseLeases({ workerId: id, ids: withdrawn });
    } catch (error) {
      log(`lease release failed, the leases will lapse: ${messageOf(error)}`, { workerId: id });
    }
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
      // Before and after the loop's last round: it may be claiming right now.
      const releasedEarly = withdrawWaiting();
      await loop;
      const releasedLate = withdrawWaiting();
      await Promise.allSettled([...inFlight.values()].map((flight) => flight.task));
      await Promise.all([releasedEarly, releasedLate]);
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
