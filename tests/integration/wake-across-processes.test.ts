import "../helpers/fresh-database";
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { TEST_ENCRYPTION_KEY } from "../helpers/encryption-key";
import { createUserWithProject } from "../helpers/factories";
import { TEST_DATABASE_URL } from "../helpers/fresh-database";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

// A standalone worker polls once a minute here; it hears of this process's commits through
// the database itself, so a call ingested here reaches the receiver within moments.
let receiver: LoopbackServer;
let worker: ChildProcess;
let output = "";

async function until(condition: () => boolean, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

beforeAll(async () => {
  receiver = await startLoopbackServer();
  worker = spawn(
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
        WORKER_POLL_MS: "60000",
        NODE_ENV: "production",
        APP_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      },
    },
  );
  worker.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  worker.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  expect(await until(() => output.includes("started"), 30_000), output).toBe(true);
}, 60_000);

afterAll(async () => {
  if (worker.pid && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    process.kill(worker.pid, "SIGTERM");
    await exited;
  }
  await receiver.close();
});

describe("a standalone worker", () => {
  it("is woken by call events another process ingests", async () => {
    const { project } = await createUserWithProject("across");
    await db.webhookEvent.updateMany({
      where: { projectId: project.id },
      data: { enabled: false },
    });
    await createWebhookEvent(project.id, {
      name: "Card pop-up",
      type: "incoming.answered",
      requests: [
        {
          url: `${receiver.origin}/crm`,
          method: "POST",
          params: [{ name: "uniqueid", type: "text", value: "{{uniqueid}}" }],
        },
      ],
    });
    const sample = sampleCallFor("incoming.answered");
    for (let i = 1; i <= 3; i += 1) {
      await ingestCallEvent(project.id, {
        type: "incoming.answered",
        occurredAt: sample.occurredAt,
        call: { ...sample.call, uniqueid: `across-${i}` },
      });
      // Far under the minute-long poll: only the wake can explain an arrival this early.
      expect(await until(() => receiver.requests.length >= i, 5_000), output).toBe(true);
    }
    const ids = receiver.requests.map((request) => JSON.parse(request.body.toString()).uniqueid);
    expect(ids).toEqual(["across-1", "across-2", "across-3"]);
  }, 30_000);
});
