import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  countUncheckedFailures,
  getResendBatch,
  markChecked,
  markDeliveryChecked,
  resendDeliveries,
  resendDelivery,
  uncheck,
} from "@/lib/delivery-log/actions";
import { getDeliveryDetail } from "@/lib/delivery-log/detail";
import { listDeliveries } from "@/lib/delivery-log/list";
import { claimDueDeliveries } from "@/lib/dispatch/claim";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { processDelivery } from "@/lib/dispatch/process";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent, deleteWebhookEvent } from "@/lib/webhooks/service";
import { makeRetriesDue, runDueDeliveries } from "../helpers/deliveries";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";
import { createDelivery, createFixture, type Fixture } from "./deliveries-fixtures";

const TYPE = "incoming.after_call" as const;
let receiver: LoopbackServer;

beforeAll(async () => {
  receiver = await startLoopbackServer((_request, response) => {
    response.writeHead(500, { "Content-Type": "text/plain" }).end("boom: database is down");
  });
});

afterAll(async () => {
  await receiver.close();
});

async function failedDeliveryAgainstReceiver(projectId: string, attempts = 2) {
  await db.webhookEvent.updateMany({ where: { projectId }, data: { enabled: false } });
  const event = await createWebhookEvent(projectId, {
    name: "Receiver",
    type: TYPE,
    requests: [
      {
        url: `${receiver.origin}/hooks/{{uniqueid}}`,
        method: "POST",
        params: [{ name: "call_id", type: "text", value: "{{uniqueid}}" }],
        retry: { attempts, schedule: "exponential" },
      },
    ],
  });
  const sample = sampleCallFor(TYPE);
  const { deliveries } = await ingestCallEvent(projectId, { type: TYPE, ...sample });
  const id = deliveries[0] ?? "";
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await makeRetriesDue([id]);
    await runDueDeliveries();
  }
  return { id, event };
}

describe("Send again", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture("resend");
  });

  it("sends the same request once more; the row leaves the failed list and is delivered", async () => {
    const { id } = await failedDeliveryAgainstReceiver(f.projectId);
    const before = await listDeliveries(f.projectId, {});
    expect(before.items.map((item) => item.id)).toContain(id);
    expect(before.items.find((item) => item.id === id)).toMatchObject({
      status: "failed",
      httpStatus: 500,
      attempts: 2,
      responseExcerpt: "boom: database is down",
    });
    const firstBody = receiver.requests.at(-1)?.body.toString("utf8");

    receiver.respondWith((_request, response) => response.writeHead(200).end("ok"));
    const batch = await resendDeliveries(f.projectId, { ids: [id] }, f.userId);
    expect(batch).toMatchObject({ total: 1, pending: 1, succeeded: 0, failed: 0, skipped: [] });
    expect((await listDeliveries(f.projectId, {})).items.map((item) => item.id)).not.toContain(id);
    const queued = await db.delivery.findUniqueOrThrow({ where: { id } });
    expect(queued).toMatchObject({ status: "pending", maxAttempts: 3, attemptCount: 2 });

    const seen = receiver.requests.length;
    await runDueDeliveries();
    expect(receiver.requests).toHaveLength(seen + 1);
    expect(receiver.requests.at(-1)?.body.toString("utf8")).toBe(firstBody);
    const detail = await getDeliveryDetail(f.projectId, id);
    expect(detail).toMatchObject({ status: "succeeded", attemptCount: 3, httpStatus: 200 });
    expect(detail.attempts.map((a) => a.response?.status)).toEqual([500, 500, 200]);
    expect(await getResendBatch(f.projectId, batch.id)).toMatchObject({
      total: 1,
      pending: 0,
      succeeded: 1,
    });
    const log = await listDeliveries(f.projectId, { result: "all", eventId: detail.eventId ?? "" });
    expect(log.items[0]).toMatchObject({ id, status: "succeeded" });
  });

  it("refuses, with the reason, what cannot be sent again", async () => {
    const other = await createFixture("resend-other");
    const succeeded = await createDelivery(f, { status: "succeeded" });
    const pending = await createDelivery(f, { status: "pending" });
    const foreign = await createDelivery(other, {});
    const paused = await createDelivery(f, {});
    await db.webhookRequest.update({
      where: { id: f.requestId },
      data: { pausedAt: new Date(), pausedReason: "Paused: the receiver answered 410 Gone" },
    });
    const orphan = await createDelivery(f, { event: "bot", attempts: 0, rendered: false });
    await deleteWebhookEvent(f.projectId, f.otherEventId);

    const batch = await resendDeliveries(f.projectId, {
      ids: [succeeded.id, pending.id, foreign.id, paused.id, orphan.id],
    });
    expect(batch.total).toBe(0);
    expect(batch.skippedCount).toBe(5);
    const reasons = Object.fromEntries(batch.skipped.map((s) => [s.id, s.reason]));
    expect(reasons[succeeded.id]).toMatch(/delivered/);
    expect(reasons[pending.id]).toMatch(/queued/);
    expect(reasons[foreign.id]).toBe("Not found");
    expect(reasons[paused.id]).toMatch(/paused \(Paused: the receiver answered 410 Gone\)/);
    expect(reasons[orphan.id]).toMatch(/deleted before anything was sent/);
    expect(
      await db.delivery.count({ where: { resendBatchId: { not: null }, id: paused.id } }),
    ).toBe(0);

    await expect(resendDelivery(f.projectId, paused.id)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/paused/),
    });
    await expect(resendDelivery(f.projectId, foreign.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getResendBatch(other.projectId, batch.id)).rejects.toMatchObject({
      code: "not_found",
    });
    // Due now: the bulk test below would send it with its batch.
    await db.delivery.delete({ where: { id: pending.id } });
  });
});

describe("Send again for all that match the filter", () => {
  it("queues them in chunks as one batch whose progress the worker moves on", async () => {
    const f = await createFixture("bulk");
    const request = await db.webhookRequest.update({
      where: { id: f.requestId },
      data: { url: `${receiver.origin}/bulk` },
    });
    receiver.respondWith((_request, response) => response.writeHead(204).end());
    const rendered = { method: "POST", url: `${receiver.origin}/bulk`, headers: [], body: null };
    const base = Date.now() - 60_000;
    await db.delivery.createMany({
      data: Array.from({ length: 520 }, (_, index) => ({
        projectId: f.projectId,
        callEventId: f.callEventId,
        webhookEventId: f.eventId,
        webhookRequestId: request.id,
        eventName: "CRM",
        triggerType: TYPE,
        status: "failed",
        attemptCount: 4,
        maxAttempts: 4,
        rendered,
        lastStatusCode: 503,
        lastErrorKind: "http_status",
        createdAt: new Date(base + index),
      })),
    });
    // Matches the filter but is another event's, paused: listed as skipped, not sent.
    const paused = await createDelivery(f, { event: "bot", statusCode: 503 });
    await db.webhookRequest.update({
      where: { id: f.otherRequestId },
      data: { pausedAt: new Date() },
    });
    const unrelated = await createDelivery(f, { statusCode: 404 });

    const batch = await resendDeliveries(f.projectId, { filter: { status: "5xx" } });
    expect(batch).toMatchObject({ total: 520, pending: 520, succeeded: 0, skippedCount: 1 });
    expect(batch.skipped).toEqual([
      { id: paused.id, reason: expect.stringMatching(/paused/), reasonText: { key: "paused" } },
    ]);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: unrelated.id } })).toMatchObject({
      status: "failed",
      resendBatchId: null,
    });
    expect((await listDeliveries(f.projectId, { status: "5xx" })).total).toBe(1);

    // A worker's batch of 100 (the request's in-flight cap raised so one batch can be that big).
    await db.webhookRequest.update({ where: { id: f.requestId }, data: { maxInFlight: 100 } });
    const claimed = await claimDueDeliveries({ workerId: "w", limit: 100, leaseMs: 30_000 });
    await Promise.all(claimed.map((id) => processDelivery(id, "w")));
    expect(await getResendBatch(f.projectId, batch.id)).toMatchObject({
      total: 520,
      pending: 420,
      succeeded: 100,
      failed: 0,
    });
    await runDueDeliveries();
    expect(await getResendBatch(f.projectId, batch.id)).toMatchObject({
      pending: 0,
      succeeded: 520,
    });
  });
});

describe("Checked", () => {
  let f: Fixture;
  let other: Fixture;
  beforeAll(async () => {
    f = await createFixture("check");
    other = await createFixture("check-other");
  });

  it("hides checked failures from the list and the badge; undo brings them back", async () => {
    const [a, b, c] = await Promise.all([
      createDelivery(f, {}),
      createDelivery(f, {}),
      createDelivery(f, { event: "bot" }),
    ]);
    const ok = await createDelivery(f, { status: "succeeded" });
    const foreign = await createDelivery(other, {});
    expect(await countUncheckedFailures(f.projectId)).toBe(3);

    const checked = await markChecked(
      f.projectId,
      { ids: [a?.id ?? "", ok.id, foreign.id] },
      f.userId,
    );
    expect(checked.ids).toEqual([a?.id]);
    expect(await countUncheckedFailures(f.projectId)).toBe(2);
    expect(await countUncheckedFailures(other.projectId)).toBe(1);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: a?.id ?? "" } });
    expect(row.checkedById).toBe(f.userId);
    expect(row.checkedAt).not.toBeNull();
    const list = await listDeliveries(f.projectId, {});
    expect(list.items.map((item) => item.id).sort()).toEqual([b?.id, c?.id].sort());

    expect(await uncheck(f.projectId, checked.ids)).toEqual({ ids: [a?.id] });
    expect(await countUncheckedFailures(f.projectId)).toBe(3);

    const byFilter = await markChecked(f.projectId, { filter: { eventId: f.eventId } }, f.userId);
    expect(byFilter.ids.sort()).toEqual([a?.id, b?.id].sort());
    expect((await listDeliveries(f.projectId, {})).items.map((item) => item.id)).toEqual([c?.id]);
    // Checking again changes nothing, so an undo of it would restore nothing.
    expect(await markChecked(f.projectId, { ids: [a?.id ?? ""] }, f.userId)).toEqual({ ids: [] });
    expect(await uncheck(other.projectId, byFilter.ids)).toEqual({ ids: [] });
  });

  it("answers not found for another project's delivery and conflict for one that did not fail", async () => {
    const foreign = await createDelivery(other, {});
    const ok = await createDelivery(f, { status: "succeeded" });
    await expect(markDeliveryChecked(f.projectId, foreign.id, f.userId)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(markDeliveryChecked(f.projectId, ok.id, f.userId)).rejects.toMatchObject({
      code: "conflict",
    });
  });
});
