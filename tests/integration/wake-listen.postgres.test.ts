// The LISTEN connection of a worker on PostgreSQL survives losing its server connection: it
// reconnects and keeps waking the worker for work other processes queue.
import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { callEventHash } from "@/lib/dispatch/event-hash";
import { postgresStore } from "@/lib/dispatch/store-postgres";
import { startWorker } from "@/lib/dispatch/worker";
import { callEventSchema } from "@/lib/model/call-event";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { TEST_DATABASE_URL } from "../helpers/fresh-database";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

// Far longer than the test: only a notification can explain a delivery within seconds.
const POLL_MS = 60_000;

let receiver: LoopbackServer;
let admin: pg.Client;

beforeAll(async () => {
  receiver = await startLoopbackServer();
  admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
});

afterAll(async () => {
  await admin.end();
  await receiver.close();
});

async function listeners(): Promise<number[]> {
  const { rows } = await admin.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
  );
  return rows.map((row) => Number(row.pid));
}

async function until(condition: () => Promise<boolean> | boolean, what: string) {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a worker's LISTEN connection", () => {
  it("reconnects after the server drops it and still hears of new work", async () => {
    const { project } = await createUserWithProject("listen");
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
    // The store's ingest notifies through PostgreSQL only, as another process's ingest would;
    // the service would also wake this process's workers directly.
    const ingestElsewhere = (uniqueid: string) => {
      const event = callEventSchema.parse({
        type: "incoming.answered",
        occurredAt: sample.occurredAt,
        call: { ...sample.call, uniqueid },
      });
      return postgresStore.ingest(project.id, event, callEventHash(event), (events) =>
        events.flatMap((event) => event.requests.map((request) => ({ event, request }))),
      );
    };

    const worker = startWorker({ concurrency: 4, pollMs: POLL_MS, leaseMs: 60_000 });
    try {
      await worker.idle();
      await until(async () => (await listeners()).length === 1, "the worker to listen");
      await ingestElsewhere("before");
      await until(() => receiver.requests.length === 1, "the first delivery");

      const [dropped] = await listeners();
      await admin.query("SELECT pg_terminate_backend($1)", [dropped]);
      await until(async () => {
        const now = await listeners();
        return now.length === 1 && now[0] !== dropped;
      }, "the worker to listen again");

      await ingestElsewhere("after");
      await until(() => receiver.requests.length === 2, "the delivery queued after the drop");
      const ids = receiver.requests.map((request) => JSON.parse(request.body.toString()).uniqueid);
      expect(ids).toEqual(["before", "after"]);
    } finally {
      await worker.stop();
    }
  });
});
