import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { MAX_SOCKETS_PER_HOST } from "@/lib/dispatch/guarded-agents";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { engineStore } from "@/lib/dispatch/store";
import { startWorker, type Worker } from "@/lib/dispatch/worker";
import type { WebhookRequestInput } from "@/lib/model/event-schema";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

const TYPE = "incoming.answered" as const;
const cleanups: Array<() => Promise<unknown>> = [];
/** Answers whatever receivers still hold, so stopping workers need not wait for timeouts. */
const answerAllHeld: Array<() => void> = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const answer of answerAllHeld.splice(0)) answer();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Polls `check` until it holds; fails naming `what` if it never does. */
async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A receiver whose /hang requests wait until `answerHeld` (anything else answers 200 at once);
 * it closes itself after the test.
 */
async function receiverWithHeldRequests() {
  const held: ServerResponse[] = [];
  const receiver: LoopbackServer = await startLoopbackServer((request, response) => {
    if (request.target.startsWith("/hang")) held.push(response);
    else response.writeHead(200).end("ok");
  });
  const answerHeld = () => {
    for (const response of held.splice(0)) response.writeHead(200).end("ok");
  };
  answerAllHeld.push(answerHeld);
  cleanups.push(() => receiver.close());
  return { receiver, held, answerHeld };
}

function startTestWorker(options: Parameters<typeof startWorker>[0]): Worker {
  const worker = startWorker(options);
  cleanups.push(() => worker.stop());
  return worker;
}

async function projectWith(label: string, requests: WebhookRequestInput[]) {
  const { project } = await createUserWithProject(label);
  await db.webhookEvent.updateMany({ where: { projectId: project.id }, data: { enabled: false } });
  await createWebhookEvent(project.id, { name: label, type: TYPE, requests });
  const sample = sampleCallFor(TYPE);
  const post = async (uniqueid: string) =>
    (
      await ingestCallEvent(project.id, {
        type: TYPE,
        occurredAt: sample.occurredAt,
        call: { ...sample.call, uniqueid },
      })
    ).deliveries;
  return { projectId: project.id, post };
}

// Held requests must outlast every wait below: the longest timeout a request may have.
const post = (url: string, maxInFlight = 8): WebhookRequestInput => ({
  url,
  method: "POST",
  timeoutMs: 30_000,
  params: [{ name: "id", type: "text", value: "{{uniqueid}}" }],
  delivery: { maxInFlight, ratePerSecond: null },
});

const deliveryIdsSeen = (receiver: LoopbackServer) =>
  receiver.requests.flatMap((request) =>
    request.rawHeaders
      .filter(([name]) => name.toLowerCase() === "x-webhook-delivery")
      .map(([, value]) => value),
  );

describe("a delivery whose outcome could not be recorded", () => {
  it("is retried, not left sending while its worker keeps other deliveries in flight", async () => {
    const { receiver, held } = await receiverWithHeldRequests();
    const { post: postCall } = await projectWith("settle-fails", [
      post(`${receiver.origin}/hang`),
      post(`${receiver.origin}/ok`),
    ]);
    const [slow, quick] = await postCall("settle-fails-1");
    if (!slow || !quick) throw new Error("expected two deliveries");
    // The first write of outcomes fails, as with a database that stays busy past its timeout.
    const settle = vi
      .spyOn(engineStore(), "settle")
      .mockRejectedValueOnce(new Error("database is locked"));
    const logged: Array<{ message: string; fields?: Record<string, unknown> }> = [];
    startTestWorker({
      concurrency: 4,
      pollMs: 100,
      leaseMs: 1_000,
      log: (message, fields) => logged.push({ message, fields }),
    });

    await until(() => held.length === 1 && settle.mock.calls.length >= 1, "the failed settle");
    // The slow delivery stays on the wire all along, so the worker's heartbeat keeps running.
    await until(
      async () =>
        (await db.delivery.findUniqueOrThrow({ where: { id: quick } })).status === "succeeded",
      "the quick delivery to be sent again and recorded",
    );
    expect(deliveryIdsSeen(receiver).filter((id) => id === quick)).toHaveLength(2);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: slow } })).toMatchObject({
      status: "sending",
    });
    expect(logged.some((line) => line.fields?.deliveryId === quick)).toBe(true);
    expect(logged.map((line) => line.message).join("\n")).toContain("database is locked");
  });

  it("is left to lapse when it cannot even be handed back, and then retried", async () => {
    const { receiver, held } = await receiverWithHeldRequests();
    const { post: postCall } = await projectWith("settle-and-release-fail", [
      post(`${receiver.origin}/hang`),
      post(`${receiver.origin}/ok`),
    ]);
    const [, quick] = await postCall("settle-and-release-fail-1");
    if (!quick) throw new Error("expected two deliveries");
    const settle = vi
      .spyOn(engineStore(), "settle")
      .mockRejectedValueOnce(new Error("database is locked"));
    const release = vi
      .spyOn(engineStore(), "releaseLeases")
      .mockRejectedValueOnce(new Error("database is locked"));
    const logged: string[] = [];
    startTestWorker({
      concurrency: 4,
      pollMs: 100,
      leaseMs: 1_000,
      log: (message) => logged.push(message),
    });

    await until(
      () => held.length === 1 && settle.mock.calls.length >= 1 && release.mock.calls.length >= 1,
      "the failed settle and the failed release",
    );
    // The heartbeat keeps renewing the held delivery's lease, but not this one's.
    await until(
      async () =>
        (await db.delivery.findUniqueOrThrow({ where: { id: quick } })).status === "succeeded",
      "the quick delivery's lease to lapse and the delivery to be sent again",
    );
    expect(deliveryIdsSeen(receiver).filter((id) => id === quick)).toHaveLength(2);
    expect(logged.join("\n")).toContain("lease release failed");
  });
});

describe("stopping a worker", () => {
  it("hands back the deliveries not yet on the wire at once; what is on the wire finishes", async () => {
    const { receiver, held, answerHeld } = await receiverWithHeldRequests();
    // More than the sender's sockets per host: the rest of the claimed batch waits for a socket.
    const waiting = 4;
    const total = MAX_SOCKETS_PER_HOST + waiting;
    const { projectId, post: postCall } = await projectWith("stop-releases", [
      post(`${receiver.origin}/hang`, 100),
    ]);
    for (let i = 0; i < total; i += 1) await postCall(`stop-${i}`);
    // A lease far longer than the test: only a release can make the waiting ones due again.
    const first = startTestWorker({ concurrency: total, pollMs: 100, leaseMs: 10 * 60_000 });
    await until(() => held.length === MAX_SOCKETS_PER_HOST, "every socket to be in use");
    expect(await db.delivery.count({ where: { projectId, status: "sending" } })).toBe(total);

    const stopped = first.stop();
    await until(
      async () =>
        (await db.delivery.count({
          where: {
            projectId,
            status: "pending",
            leaseOwner: null,
            nextAttemptAt: { lte: new Date() },
          },
        })) === waiting,
      "the waiting deliveries to be handed back",
    );
    // The ones on the wire are still being answered, and they finish and are recorded.
    expect(await db.delivery.count({ where: { projectId, status: "sending" } })).toBe(
      MAX_SOCKETS_PER_HOST,
    );
    answerHeld();
    await stopped;
    expect(await db.delivery.count({ where: { projectId, status: "succeeded" } })).toBe(
      MAX_SOCKETS_PER_HOST,
    );

    receiver.respondWith((_request, response) => response.writeHead(200).end("ok"));
    const second = startTestWorker({ concurrency: 8, pollMs: 100, leaseMs: 10 * 60_000 });
    await second.idle();
    expect(await db.delivery.count({ where: { projectId, status: "succeeded" } })).toBe(total);
    // Each delivery reached the receiver once: the handed-back ones were never sent by the first.
    const seen = deliveryIdsSeen(receiver);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});
