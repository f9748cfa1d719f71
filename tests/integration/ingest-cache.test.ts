import "../helpers/fresh-database";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import {
  createWebhookEvent,
  deleteWebhookEvent,
  patchWebhookEvent,
  updateWebhookEvent,
} from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { TEST_DATABASE_FILE, TEST_DATABASE_URL, TEST_ENGINE } from "../helpers/fresh-database";

const TRIGGER = "incoming.answered" as const;
const sample = sampleCallFor(TRIGGER);
let serial = 0;

/** A write that bypasses this process entirely, as another process's would. */
async function enableOnAnotherConnection(eventId: string) {
  if (TEST_ENGINE === "postgres") {
    const other = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await other.connect();
    await other.query(`UPDATE "WebhookEvent" SET "enabled" = true WHERE "id" = $1`, [eventId]);
    await other.end();
    return;
  }
  const other = new Database(TEST_DATABASE_FILE);
  other.prepare(`UPDATE "WebhookEvent" SET "enabled" = 1 WHERE "id" = ?`).run(eventId);
  other.close();
}

/** The URLs of the deliveries one new call event gets. */
async function deliveriesFor(projectId: string): Promise<string[]> {
  serial += 1;
  const { deliveries } = await ingestCallEvent(projectId, {
    type: TRIGGER,
    occurredAt: sample.occurredAt,
    call: { ...sample.call, uniqueid: `cache-${serial}` },
  });
  const rows = await db.delivery.findMany({
    where: { id: { in: deliveries } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => row.requestUrl ?? "");
}

describe("ingest's cache of matching events", () => {
  it("sees every change to the events at the next call, whoever made it", async () => {
    const { project } = await createUserWithProject("cache");
    await db.webhookEvent.updateMany({
      where: { projectId: project.id },
      data: { enabled: false },
    });
    expect(await deliveriesFor(project.id)).toEqual([]);

    const one = { url: "https://crm.example.com/one", method: "POST" as const };
    const two = { url: "https://crm.example.com/two", method: "POST" as const };
    const event = await createWebhookEvent(project.id, {
      name: "E",
      type: TRIGGER,
      requests: [one],
    });
    expect(await deliveriesFor(project.id)).toEqual([one.url]);

    await updateWebhookEvent(project.id, event.id, {
      name: "E",
      type: TRIGGER,
      requests: [one, two],
    });
    expect(await deliveriesFor(project.id)).toEqual([one.url, two.url]);

    await patchWebhookEvent(project.id, event.id, { enabled: false });
    expect(await deliveriesFor(project.id)).toEqual([]);

    // Another process (here: another connection) turns it back on.
    await enableOnAnotherConnection(event.id);
    expect(await deliveriesFor(project.id)).toEqual([one.url, two.url]);

    await deleteWebhookEvent(project.id, event.id);
    expect(await deliveriesFor(project.id)).toEqual([]);
  });
});
