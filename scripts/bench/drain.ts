// Draining a queue: call events are ingested over HTTP while no worker runs (the web process
// has WORKER_IN_PROCESS=false), then a standalone worker is started the way production starts
// it and timed until the receiver has every delivery. The limit is a bare got loop, a process
// of its own too, sending as many requests with the same concurrency to the same receiver.
// Both are timed at the receiver: from the spawn (with start-up) and from the first arrival.
import path from "node:path";
import { z } from "zod";
import { type Api, callEventCall, DRAIN_REQUESTS, DRAIN_TRIGGER, deliveryIds } from "./api";
import { countedLoop, now } from "./http-load";
import { DRAIN_CONCURRENCY, LOAD_CLIENTS } from "./options";
import { startProcess } from "./processes";
import type { ReceiverHandle } from "./receiver";
import type { RssSampler } from "./rss";

export type DrainTiming = {
  deliveries: number;
  missing: number;
  /** Spawn → first request at the receiver. */
  startupMs: number;
  /** Spawn → last request at the receiver. */
  withStartup: { seconds: number; perSec: number };
  /** First → last request at the receiver. */
  steady: { seconds: number; perSec: number };
};

const DRAIN_TIMEOUT_MS = 300_000;

/** Queues at least `deliveries` pending deliveries; answers their ids. */
export async function queueDeliveries(api: Api, deliveries: number): Promise<string[]> {
  const label = `drain-${Date.now()}`;
  const callEvents = Math.ceil(deliveries / DRAIN_REQUESTS);
  const result = await countedLoop(api.baseUrl, LOAD_CLIENTS, callEvents, (i) =>
    callEventCall(api.key, DRAIN_TRIGGER, `${label}-${i}`),
  );
  const ids = result.answers.flatMap(deliveryIds);
  if (ids.length < deliveries) {
    throw new Error(`queued ${ids.length} deliveries of ${deliveries}; the ingest failed`);
  }
  return ids;
}

async function timeAtReceiver(
  receiver: ReceiverHandle,
  ids: string[],
  spawnedAt: number,
): Promise<DrainTiming> {
  const missing = await receiver.waitFor(ids, DRAIN_TIMEOUT_MS);
  const arrivals = await receiver.collect();
  const times = ids.flatMap((id) => {
    const at = arrivals.get(id);
    return at === undefined ? [] : [at];
  });
  const first = Math.min(...times);
  const last = Math.max(...times);
  const withStartup = (last - spawnedAt) / 1000;
  const steady = (last - first) / 1000;
  return {
    deliveries: ids.length,
    missing: missing.length,
    startupMs: first - spawnedAt,
    withStartup: { seconds: withStartup, perSec: times.length / withStartup },
    // n arrivals span n - 1 intervals.
    steady: { seconds: steady, perSec: (times.length - 1) / steady },
  };
}

const gotLoopOutput = z.object({ sent: z.number(), failed: z.number() });

export async function measureGotLoop(
  root: string,
  receiver: ReceiverHandle,
  count: number,
  rss: RssSampler,
): Promise<DrainTiming & { failed: number }> {
  const spawnedAt = now();
  const loop = startProcess(
    process.execPath,
    [
      path.join(root, "scripts/bench/got-loop.mjs"),
      receiver.url,
      String(count),
      String(DRAIN_CONCURRENCY),
    ],
    { cwd: root, env: process.env },
  );
  rss.track("bare got loop", loop.pid);
  const code = await loop.exited;
  if (code !== 0) throw new Error(`the got loop exited ${code}:\n${loop.output()}`);
  const lastLine = loop.output().trim().split("\n").at(-1) ?? "";
  const { failed } = gotLoopOutput.parse(JSON.parse(lastLine));
  const ids = Array.from({ length: count }, (_, i) => `got-${i}`);
  return { ...(await timeAtReceiver(receiver, ids, spawnedAt)), failed };
}

/** Starts `npm run <script>` (the worker as production runs it) and times the drain of `ids`. */
export async function measureWorkerDrain(options: {
  root: string;
  env: NodeJS.ProcessEnv;
  script: "worker" | "worker:dev";
  name: string;
  receiver: ReceiverHandle;
  ids: string[];
  rss: RssSampler;
  logFile: string;
  /** Standalone worker processes sharing the queue (1 unless given). */
  workers?: number;
}): Promise<DrainTiming> {
  const spawnedAt = now();
  const workers = Array.from({ length: options.workers ?? 1 }, (_, index) =>
    startProcess("npm", ["run", "--silent", options.script], {
      cwd: options.root,
      env: { ...options.env, WORKER_CONCURRENCY: String(DRAIN_CONCURRENCY) },
      logFile:
        index === 0 ? options.logFile : options.logFile.replace(/\.log$/, `-${index + 1}.log`),
    }),
  );
  // The first worker stands for all: they run the same code on the same queue.
  if (workers[0]) options.rss.track(options.name, workers[0].pid);
  try {
    const timing = await timeAtReceiver(options.receiver, options.ids, spawnedAt);
    if (timing.missing > 0) {
      const output = workers.map((worker) => worker.output()).join("\n");
      console.error(`${options.name}: ${timing.missing} deliveries never arrived:\n${output}`);
    }
    return timing;
  } finally {
    options.rss.sample();
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}
