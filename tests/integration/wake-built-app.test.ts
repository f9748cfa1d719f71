import "../helpers/fresh-database";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { type AppServer, startAppServer } from "../e2e/support/app-server";
import { ensureBuild, productionEnv } from "../helpers/built-app";
import { createUserWithProject } from "../helpers/factories";
import { TEST_DATABASE_URL } from "../helpers/fresh-database";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

// In the production build the route handlers and instrumentation.ts (which starts the
// in-process worker) are separate bundles; a wake that lives in one module would never reach
// the worker. With the poll at a minute, only the wake can deliver within seconds.
const POLL_MS = 60_000;

let server: AppServer;
let receiver: LoopbackServer;
let key: string;

beforeAll(async () => {
  const appDir = path.resolve(".");
  await ensureBuild(appDir);
  receiver = await startLoopbackServer();
  const { project } = await createUserWithProject("wake");
  await db.webhookEvent.updateMany({ where: { projectId: project.id }, data: { enabled: false } });
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
  ({ key } = await createApiKey(project.id, { name: "Telephony" }));
  // Leave the file to the server: our own connection must not hold it.
  await db.$disconnect();
  server = await startAppServer({
    appDir,
    env: productionEnv({
      DATABASE_URL: TEST_DATABASE_URL,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      WORKER_POLL_MS: String(POLL_MS),
    }),
    logFile: path.join(mkdtempSync(path.join(tmpdir(), "wake-")), "server.log"),
  });
}, 900_000);

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

async function waitForRequests(count: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (receiver.requests.length >= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe("ingest wakes the in-process worker of the built app", () => {
  it("delivers each call event long before the worker's next poll", async () => {
    const sample = sampleCallFor("incoming.answered");
    // The worker's first poll happens at start; every delivery after it needs the wake.
    for (let i = 1; i <= 3; i += 1) {
      const response = await fetch(`${server.url}/api/v1/call-events`, {
        method: "POST",
        headers: { "Auth-key": key, "Content-Type": "application/json" },
        body: JSON.stringify({
          type: "incoming.answered",
          occurredAt: sample.occurredAt,
          call: { ...sample.call, uniqueid: `wake-${i}` },
        }),
      });
      expect(response.status).toBe(202);
      // A bound far under the poll interval, not a speed measurement.
      expect(await waitForRequests(i, 5_000), server.output()).toBe(true);
    }
    const ids = receiver.requests.map((request) => JSON.parse(request.body.toString()).uniqueid);
    expect(ids).toEqual(["wake-1", "wake-2", "wake-3"]);
  }, 60_000);
});
