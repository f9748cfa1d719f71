import { db } from "../../lib/db/client";
import { startWorker } from "../../lib/dispatch/worker";
import { measureIngest } from "./ingest";
import { percentile, sampleRss } from "./stats";

export type DeliveryMeasure = {
  deliveries: number;
  succeeded: number;
  seconds: number;
  deliveriesPerSec: number;
  attemptP50Ms: number;
  attemptP95Ms: number;
  received: number;
  peakRssMb: number;
  timedOut: boolean;
};

const POLL_MS = 100;
const DEADLINE_MS = 180_000;

/**
 * Queues `count` pending deliveries (ingest with no worker running), then lets one worker send
 * them all and times it from start until the database says every one succeeded.
 */
export async function measureDelivery(
  projectId: string,
  count: number,
  deliveriesPerCall: number,
  received: () => number,
): Promise<DeliveryMeasure> {
  await measureIngest(projectId, "delivery", Math.ceil(count / deliveriesPerCall), 8);
  const queued = await db.delivery.count({ where: { projectId, status: "pending" } });
  const receivedBefore = received();
  const rss = sampleRss();
  const started = performance.now();
  const worker = startWorker({
    concurrency: 32,
    pollMs: 50,
    leaseMs: 60_000,
    log: (message) => console.error(`[worker] ${message}`),
  });
  let succeeded = 0;
  let timedOut = false;
  try {
    while (true) {
      const [ok, failed] = await Promise.all([
        db.delivery.count({ where: { projectId, status: "succeeded" } }),
        db.delivery.count({ where: { projectId, status: "failed" } }),
      ]);
      succeeded = ok;
      if (ok + failed >= queued) break;
      if (performance.now() - started > DEADLINE_MS) {
        timedOut = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await worker.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  const memory = rss.stop();
  const attempts = await db.attempt.findMany({
    where: { delivery: { projectId } },
    select: { durationMs: true },
  });
  const durations = attempts.map((a) => a.durationMs);
  return {
    deliveries: queued,
    succeeded,
    seconds,
    deliveriesPerSec: succeeded / seconds,
    attemptP50Ms: percentile(durations, 50),
    attemptP95Ms: percentile(durations, 95),
    received: received() - receivedBefore,
    peakRssMb: memory.peakMb,
    timedOut,
  };
}
