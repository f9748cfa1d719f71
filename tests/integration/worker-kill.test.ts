import "../helpers/fresh-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";
import { exited, killWorkerProcesses, startWorkerProcess } from "../helpers/worker-processes";

const DELIVERIES = 200;
const RESPONSE_DELAY_MS = 1_500;

let receiver: LoopbackServer;

const WORKER_ENV = {
  WORKER_CONCURRENCY: String(DELIVERIES),
  WORKER_LEASE_MS: "3000",
  WORKER_POLL_MS: "200",
};

async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  receiver = await startLoopbackServer((_request, response) => {
    setTimeout(() => response.writeHead(200).end("ok"), RESPONSE_DELAY_MS);
  });
});

afterAll(async () => {
  killWorkerProcesses();
  await receiver.close();
});

describe("a worker killed mid-flight", () => {
  it("loses nothing: a new worker takes over the expired leases and every delivery ends delivered", async () => {
    const { project } = await createUserWithProject("kill");
    await db.webhookEvent.updateMany({
      where: { projectId: project.id },
      data: { enabled: false },
    });
    await createWebhookEvent(project.id, {
      name: "Slow CRM",
      type: "incoming.after_call",
      requests: [
        {
          url: `${receiver.origin}/slow`,
          method: "POST",
          params: [{ name: "id", type: "text", value: "{{uniqueid}}" }],
        },
      ],
    });
    const sample = sampleCallFor("incoming.after_call");
    const ids: string[] = [];
    for (let i = 0; i < DELIVERIES; i += 1) {
      const { deliveries } = await ingestCallEvent(project.id, {
        type: "incoming.after_call",
        occurredAt: sample.occurredAt,
        call: { ...sample.call, uniqueid: `kill-${i}` },
      });
      ids.push(...deliveries);
    }
    expect(ids).toHaveLength(DELIVERIES);
    // The test is about leases, not politeness: every delivery may be in flight at once.
    await db.webhookRequest.updateMany({ data: { maxInFlight: DELIVERIES } });

    const first = startWorkerProcess("first worker", WORKER_ENV);
    // Killed while every delivery is claimed (leased to this worker) and the first requests
    // are on the wire: the receiver holds each for 1.5 s, so none has been answered yet.
    await waitFor(
      () => receiver.requests.length >= 32,
      30_000,
      `requests in flight\n${first.output()}`,
    );
    process.kill(-(first.child.pid ?? 0), "SIGKILL");
    expect((await exited(first.child)).signal).toBe("SIGKILL");
    // Requests the killed worker wrote just before dying may still be in the receiver's socket
    // buffers: count what it sent only once they have been read.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sentBeforeKill = receiver.requests.length;
    const inFlight = await db.delivery.count({ where: { id: { in: ids }, status: "sending" } });
    expect(inFlight).toBe(DELIVERIES);

    const second = startWorkerProcess("second worker", WORKER_ENV);
    await waitFor(
      async () =>
        (await db.delivery.count({ where: { id: { in: ids }, status: "succeeded" } })) ===
        DELIVERIES,
      60_000,
      `every delivery to succeed\n${second.output()}`,
    );

    const seen = receiver.requests.map(
      (r) => r.rawHeaders.find(([name]) => name.toLowerCase() === "x-webhook-delivery")?.[1] ?? "",
    );
    const unique = new Set(seen);
    expect([...unique].sort()).toEqual([...ids].sort());
    const duplicates = seen.length - unique.size;
    // Only what the killed worker had on the wire is sent twice; the live worker renews its leases.
    expect(duplicates).toBeLessThanOrEqual(sentBeforeKill);
    console.log(
      `kill test: ${DELIVERIES} deliveries, ${seen.length} requests received, ${duplicates} duplicates (at-least-once), 0 lost`,
    );
    const rows = await db.delivery.findMany({
      where: { id: { in: ids } },
      select: { attemptCount: true, status: true },
    });
    expect(rows.every((r) => r.status === "succeeded" && r.attemptCount >= 1)).toBe(true);

    // SIGTERM: the worker stops claiming, finishes what it has, and exits cleanly.
    process.kill(second.child.pid ?? 0, "SIGTERM");
    const stopped = await exited(second.child);
    expect(stopped, second.output()).toEqual({ code: 0, signal: null });
    expect(second.output()).toContain("worker stopped");
  }, 120_000);
});
