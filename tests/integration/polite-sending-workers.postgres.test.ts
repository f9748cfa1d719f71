// The per-request limits and the turns across projects hold when three `npm run worker`
// processes claim from one PostgreSQL database at once, not only within one worker.
import "../helpers/fresh-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";
import {
  exited,
  killWorkerProcesses,
  startWorkerProcess,
  type WorkerProcess,
  workersStarted,
} from "../helpers/worker-processes";

const TRIGGER = "incoming.answered" as const;

let receiver: LoopbackServer;
const open = new Map<string, number>();
const mostOpen = new Map<string, number>();
const arrivals = new Map<string, number[]>();
let workers: WorkerProcess[] = [];

beforeAll(async () => {
  receiver = await startLoopbackServer((request, response) => {
    const path = request.target.split("?")[0] ?? "";
    arrivals.set(path, [...(arrivals.get(path) ?? []), Date.now()]);
    const now = (open.get(path) ?? 0) + 1;
    open.set(path, now);
    mostOpen.set(path, Math.max(mostOpen.get(path) ?? 0, now));
    setTimeout(() => {
      open.set(path, (open.get(path) ?? 1) - 1);
      response.writeHead(200).end("ok");
    }, 150);
  });
});

afterAll(async () => {
  killWorkerProcesses();
  await receiver.close();
});

async function projectSendingTo(path: string, limits: { maxInFlight: number; rate?: number }) {
  const { project } = await createUserWithProject(path.slice(1));
  await db.webhookEvent.updateMany({ where: { projectId: project.id }, data: { enabled: false } });
  const event = await createWebhookEvent(project.id, {
    name: `To ${path}`,
    type: TRIGGER,
    requests: [{ url: `${receiver.origin}${path}`, method: "POST" }],
  });
  await db.webhookRequest.update({
    where: { id: event.requests[0]?.id ?? "" },
    data: { maxInFlight: limits.maxInFlight, ratePerSecond: limits.rate ?? null },
  });
  return project.id;
}

async function queueCalls(projectId: string, prefix: string, count: number) {
  const sample = sampleCallFor(TRIGGER);
  for (let i = 0; i < count; i += 1) {
    await ingestCallEvent(projectId, {
      type: TRIGGER,
      occurredAt: sample.occurredAt,
      call: { ...sample.call, uniqueid: `${prefix}-${i}` },
    });
  }
}

function pathsInArrivalOrder(): string[] {
  return receiver.requests.map((request) => request.target.split("?")[0] ?? "");
}

describe("fair and polite sending across worker processes", () => {
  it("keeps every request's in-flight cap and rate, and takes projects in turns", async () => {
    const flooded = await projectSendingTo("/flooded", { maxInFlight: 1_000 });
    const capped = await projectSendingTo("/capped", { maxInFlight: 3 });
    const limited = await projectSendingTo("/limited", { maxInFlight: 100, rate: 4 });
    const quiet = await projectSendingTo("/quiet", { maxInFlight: 20 });
    // Queued before any worker runs: all of it is due at once when they start.
    await queueCalls(flooded, "a", 200);
    await queueCalls(capped, "c", 24);
    await queueCalls(limited, "r", 9);
    await queueCalls(quiet, "q", 20);
    const total = 200 + 24 + 9 + 20;

    workers = [1, 2, 3].map((n) =>
      startWorkerProcess(`worker ${n}`, {
        WORKER_CONCURRENCY: "16",
        WORKER_POLL_MS: "200",
        WORKER_LEASE_MS: "30000",
      }),
    );
    await workersStarted(workers);
    const deadline = Date.now() + 60_000;
    while (receiver.requests.length < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const logs = workers.map((worker) => worker.output()).join("\n");
    const seen = pathsInArrivalOrder();
    expect(seen.length, logs).toBe(total);
    // Three processes claiming at once never put more than the cap on the wire …
    expect(mostOpen.get("/capped")).toBeLessThanOrEqual(3);
    // … nor start more than the rate allows: 9 at 4 per second take three one-second windows,
    // so the last leaves at least two seconds after the first window opened. That window opened
    // with a worker's first claim, just before it printed its start line; measured from there
    // (not from the first arrival, whose lateness on a busy machine would shrink the span), with
    // 200 ms for the line to reach us. Sent all at once, they would arrive within a moment.
    const limitedArrivals = arrivals.get("/limited") ?? [];
    expect(limitedArrivals).toHaveLength(9);
    const firstStart = Math.min(...workers.map((worker) => worker.startedAt() ?? Infinity));
    expect((limitedArrivals.at(-1) ?? 0) - firstStart).toBeGreaterThanOrEqual(1_800);
    // The quiet project's calls, queued after the flood, go out in turns with it, not behind
    // its backlog of 200.
    expect(seen.lastIndexOf("/quiet")).toBeLessThan(100);

    for (const worker of workers) process.kill(worker.child.pid ?? 0, "SIGTERM");
    for (const worker of workers) {
      expect(await exited(worker.child), worker.output()).toEqual({ code: 0, signal: null });
    }
  }, 120_000);
});
