import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { MAX_SOCKETS_PER_HOST } from "@/lib/dispatch/guarded-agents";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { startWorker } from "@/lib/dispatch/worker";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";
import {
  exited,
  killWorkerProcesses,
  startWorkerProcess,
  workersStarted,
} from "../helpers/worker-processes";

const TYPE = "incoming.answered" as const;
// More than the sender's sockets per host: the rest of a worker's batch waits for a socket.
const WAITING = 4;
const TOTAL = MAX_SOCKETS_PER_HOST + WAITING;

let receiver: LoopbackServer;
let held: ServerResponse[] = [];
let holding = true;

beforeAll(async () => {
  receiver = await startLoopbackServer((_request, response) => {
    if (holding) held.push(response);
    else response.writeHead(200).end("ok");
  });
});

afterAll(async () => {
  killWorkerProcesses();
  for (const response of held) response.writeHead(200).end("ok");
  await receiver.close();
});

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function queue(label: string) {
  const { project } = await createUserWithProject(label);
  await db.webhookEvent.updateMany({ where: { projectId: project.id }, data: { enabled: false } });
  await createWebhookEvent(project.id, {
    name: label,
    type: TYPE,
    requests: [
      {
        url: `${receiver.origin}/${label}`,
        method: "POST",
        // Held requests must outlast the waits below.
        timeoutMs: 30_000,
        params: [{ name: "id", type: "text", value: "{{uniqueid}}" }],
        delivery: { maxInFlight: 100, ratePerSecond: null },
      },
    ],
  });
  const sample = sampleCallFor(TYPE);
  for (let i = 0; i < TOTAL; i += 1) {
    await ingestCallEvent(project.id, {
      type: TYPE,
      occurredAt: sample.occurredAt,
      call: { ...sample.call, uniqueid: `${label}-${i}` },
    });
  }
  return project.id;
}

const seenFor = (label: string) =>
  receiver.requests
    .filter((request) => request.target.startsWith(`/${label}`))
    .flatMap((request) =>
      request.rawHeaders
        .filter(([name]) => name.toLowerCase() === "x-webhook-delivery")
        .map(([, value]) => value),
    );

describe.each([
  ["the standalone worker", "standalone", "scripts/worker.ts"],
  ["the web process's in-process worker", "in-process", "tests/helpers/in-process-worker.ts"],
])("SIGTERM to %s", (_name, label, script) => {
  it("hands back at once what is not on the wire; what is on the wire finishes", {
    timeout: 120_000,
  }, async () => {
    held = [];
    holding = true;
    const projectId = await queue(label);
    const count = (where: Record<string, unknown>) =>
      db.delivery.count({ where: { projectId, ...where } });
    const worker = startWorkerProcess(
      label,
      {
        WORKER_IN_PROCESS: "true",
        WORKER_CONCURRENCY: String(TOTAL),
        WORKER_POLL_MS: "100",
        // Far longer than the test: only a release makes the waiting deliveries due again.
        WORKER_LEASE_MS: "600000",
        RETENTION_DAYS: "0",
      },
      script,
    );
    await workersStarted([worker]);
    await until(() => held.length === MAX_SOCKETS_PER_HOST, "every socket to be in use");
    expect(await count({ status: "sending" })).toBe(TOTAL);

    process.kill(worker.child.pid ?? 0, "SIGTERM");
    await until(
      async () =>
        (await count({
          status: "pending",
          leaseOwner: null,
          nextAttemptAt: { lte: new Date() },
        })) === WAITING,
      `the waiting deliveries to be handed back\n${worker.output()}`,
    );
    expect(await count({ status: "sending" })).toBe(MAX_SOCKETS_PER_HOST);

    holding = false;
    for (const response of held.splice(0)) response.writeHead(200).end("ok");
    await exited(worker.child);
    expect(await count({ status: "succeeded" })).toBe(MAX_SOCKETS_PER_HOST);

    const next = startWorker({ concurrency: 8, pollMs: 100, leaseMs: 600_000 });
    try {
      await next.idle();
    } finally {
      await next.stop();
    }
    expect(await count({ status: "succeeded" })).toBe(TOTAL);
    const seen = seenFor(label);
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
  });
});
