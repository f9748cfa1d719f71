import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { claimDueDeliveries } from "@/lib/dispatch/claim";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { startWorker } from "@/lib/dispatch/worker";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

const TRIGGER = "incoming.answered" as const;

let receiver: LoopbackServer;
/** Requests being answered right now, per path, and the most ever seen at once. */
const open = new Map<string, number>();
const mostOpen = new Map<string, number>();
let holdMs = 0;

beforeAll(async () => {
  receiver = await startLoopbackServer((request, response) => {
    const path = request.target.split("?")[0] ?? "";
    const now = (open.get(path) ?? 0) + 1;
    open.set(path, now);
    mostOpen.set(path, Math.max(mostOpen.get(path) ?? 0, now));
    setTimeout(() => {
      open.set(path, (open.get(path) ?? 1) - 1);
      response.writeHead(200).end("ok");
    }, holdMs);
  });
});

afterAll(async () => {
  await receiver.close();
});

/** A project with one event of one request to `path` on the receiver; returns its ids. */
async function projectSendingTo(path: string) {
  const { project } = await createUserWithProject(path.slice(1));
  await db.webhookEvent.updateMany({ where: { projectId: project.id }, data: { enabled: false } });
  const event = await createWebhookEvent(project.id, {
    name: `To ${path}`,
    type: TRIGGER,
    requests: [
      {
        url: `${receiver.origin}${path}`,
        method: "POST",
        params: [{ name: "id", type: "text", value: "{{uniqueid}}" }],
      },
    ],
  });
  return { projectId: project.id, requestId: event.requests[0]?.id ?? "" };
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

function pathsSeen(): string[] {
  return receiver.requests.map((request) => request.target.split("?")[0] ?? "");
}

/** Runs a worker until `count` requests have reached the receiver. */
async function sendUntilReceived(count: number, options: { concurrency: number }) {
  const worker = startWorker({ concurrency: options.concurrency, pollMs: 100, leaseMs: 60_000 });
  const deadline = Date.now() + 60_000;
  while (receiver.requests.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await worker.stop();
}

describe("fair and polite sending", () => {
  it("takes projects in turns: a flooded project does not hold another's calls back", async () => {
    receiver.requests.length = 0;
    holdMs = 0;
    const flooded = await projectSendingTo("/flooded");
    const quiet = await projectSendingTo("/quiet");
    // The flooded project's CRM would take everything at once; only fairness keeps room for B.
    await db.webhookRequest.update({
      where: { id: flooded.requestId },
      data: { maxInFlight: 1000 },
    });
    await queueCalls(flooded.projectId, "a", 300);
    await queueCalls(quiet.projectId, "b", 20);

    await sendUntilReceived(320, { concurrency: 8 });

    const seen = pathsSeen();
    expect(seen.filter((path) => path === "/flooded")).toHaveLength(300);
    expect(seen.filter((path) => path === "/quiet")).toHaveLength(20);
    // Queued after all 300 of A, yet B's calls go out in turns with A's: B's last one is among
    // the first few dozen requests, not behind A's backlog.
    const lastQuiet = seen.lastIndexOf("/quiet");
    expect(lastQuiet).toBeLessThan(80);
  });

  it("never has more requests in flight to one webhook request than its limit", async () => {
    receiver.requests.length = 0;
    holdMs = 150;
    const capped = await projectSendingTo("/capped");
    const byDefault = await projectSendingTo("/default");
    await db.webhookRequest.update({ where: { id: capped.requestId }, data: { maxInFlight: 3 } });
    await queueCalls(capped.projectId, "c", 20);
    await queueCalls(byDefault.projectId, "d", 30);

    await sendUntilReceived(50, { concurrency: 32 });

    // Nothing is dropped: the excess waited in the queue.
    const seen = pathsSeen();
    expect(seen.filter((path) => path === "/capped")).toHaveLength(20);
    expect(seen.filter((path) => path === "/default")).toHaveLength(30);
    expect(mostOpen.get("/capped")).toBeLessThanOrEqual(3);
    expect(mostOpen.get("/default")).toBeLessThanOrEqual(8);
    const delivered = await db.delivery.count({
      where: { projectId: { in: [capped.projectId, byDefault.projectId] }, status: "succeeded" },
    });
    expect(delivered).toBe(50);
  });

  it("leases no more deliveries of a rate-limited request per one-second window", async () => {
    const limited = await projectSendingTo("/windowed");
    // Leases of earlier windows stay open here: the in-flight cap must not be what limits.
    await db.webhookRequest.update({
      where: { id: limited.requestId },
      data: { ratePerSecond: 4, maxInFlight: 100 },
    });
    await queueCalls(limited.projectId, "w", 9);
    const start = Date.now() + 10;
    const claimAt = (offsetMs: number) =>
      claimDueDeliveries({
        workerId: `w${offsetMs}`,
        limit: 32,
        leaseMs: 60_000,
        now: new Date(start + offsetMs),
      });
    expect(await claimAt(0)).toHaveLength(4);
    expect(await claimAt(500)).toHaveLength(0);
    expect(await claimAt(999)).toHaveLength(0);
    expect(await claimAt(1_001)).toHaveLength(4);
    expect(await claimAt(2_002)).toHaveLength(1);
    await db.delivery.deleteMany({ where: { projectId: limited.projectId } });
  });

  it("starts no more requests per second than the rate limit allows", async () => {
    receiver.requests.length = 0;
    holdMs = 0;
    const limited = await projectSendingTo("/limited");
    await db.webhookRequest.update({
      where: { id: limited.requestId },
      data: { ratePerSecond: 4 },
    });
    await queueCalls(limited.projectId, "r", 9);

    const arrivals: number[] = [];
    const worker = startWorker({ concurrency: 32, pollMs: 100, leaseMs: 60_000 });
    const deadline = Date.now() + 30_000;
    let counted = 0;
    while (counted < 9 && Date.now() < deadline) {
      if (receiver.requests.length > counted) {
        for (; counted < receiver.requests.length; counted += 1) arrivals.push(Date.now());
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await worker.stop();

    expect(arrivals).toHaveLength(9);
    // 9 at 4 per second take three one-second windows: the last starts at least two seconds
    // after the first (a slower machine only stretches this).
    const span = (arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0);
    expect(span).toBeGreaterThanOrEqual(1_500);
  });
});
