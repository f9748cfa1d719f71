import "../helpers/fresh-database";
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { TEST_DATABASE_URL } from "../helpers/fresh-database";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

const DELIVERIES = 200;
const RESPONSE_DELAY_MS = 1_500;

let receiver: LoopbackServer;
const workers: ChildProcess[] = [];

/** `npm run worker` as its own process group, so killing it kills tsx and the node it runs. */
function startWorkerProcess(label: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/worker.ts"],
    {
      cwd: path.resolve("."),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: TEST_DATABASE_URL,
        WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
        WORKER_CONCURRENCY: String(DELIVERIES),
        WORKER_LEASE_MS: "3000",
        WORKER_POLL_MS: "200",
        NODE_ENV: "production",
      },
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  workers.push(child);
  return { child, output: () => `[${label}] ${output}` };
}

function exited(child: ChildProcess) {
  return new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });
}

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
  for (const child of workers) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
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

    const first = startWorkerProcess("first worker");
    // Killed while every delivery is claimed (leased to this worker) and the first requests
    // are on the wire: the receiver holds each for 1.5 s, so none has been answered yet.
    await waitFor(
      () => receiver.requests.length >= 32,
      30_000,
      `requests in flight\n${first.output()}`,
    );
    process.kill(-(first.child.pid ?? 0), "SIGKILL");
    const sentBeforeKill = receiver.requests.length;
    expect((await exited(first.child)).signal).toBe("SIGKILL");
    const inFlight = await db.delivery.count({ where: { id: { in: ids }, status: "sending" } });
    expect(inFlight).toBe(DELIVERIES);

    const second = startWorkerProcess("second worker");
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
