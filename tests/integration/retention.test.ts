import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resendDelivery } from "@/lib/delivery-log/actions";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { deleteExpiredDeliveries } from "@/lib/dispatch/retention";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { makeRetriesDue, runDueDeliveries } from "../helpers/deliveries";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";
import { createDelivery, createFixture } from "./deliveries-fixtures";

const DAY_MS = 86_400_000;
const TYPE = "incoming.after_call" as const;
let receiver: LoopbackServer;

beforeAll(async () => {
  // /ok answers 200, anything else 500.
  receiver = await startLoopbackServer((request, response) => {
    response.writeHead(request.target.startsWith("/ok") ? 200 : 500).end();
  });
});

afterAll(async () => {
  await receiver.close();
});

const daysAfter = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

async function remaining(ids: string[]): Promise<string[]> {
  const rows = await db.delivery.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return rows.map((row) => row.id).sort();
}

/** A project whose one event sends one request to `path` on the receiver with `attempts`. */
async function projectSendingTo(label: string, path: string, attempts: number) {
  const { project } = await createUserWithProject(label);
  await db.webhookEvent.updateMany({ where: { projectId: project.id }, data: { enabled: false } });
  const event = await createWebhookEvent(project.id, {
    name: label,
    type: TYPE,
    requests: [
      {
        url: `${receiver.origin}${path}`,
        method: "POST",
        params: [],
        retry: { attempts, schedule: "exponential" },
      },
    ],
  });
  const post = async () => {
    const sample = sampleCallFor(TYPE);
    const { deliveries } = await ingestCallEvent(project.id, {
      type: TYPE,
      occurredAt: sample.occurredAt,
      call: sample.call,
    });
    const [id] = deliveries;
    if (!id) throw new Error("no delivery queued");
    return id;
  };
  return { projectId: project.id, requestId: event.requests[0]?.id ?? "", post };
}

const stateOf = (id: string) =>
  db.delivery.findUniqueOrThrow({
    where: { id },
    select: { status: true, completedAt: true, createdAt: true },
  });

describe("retention keeps unfinished work", () => {
  it("never deletes a pending retry, however old, nor a delivery in flight", async () => {
    const r = await createFixture("retention-unfinished");
    const now = new Date();
    const old = daysAfter(now, -45);
    const pending = await createDelivery(r, { createdAt: old, status: "pending" });
    const retrying = await createDelivery(r, { createdAt: old, status: "pending", attempts: 3 });
    const sending = await createDelivery(r, { createdAt: old, status: "sending", attempts: 1 });
    const finished = await createDelivery(r, { createdAt: old, status: "failed", attempts: 2 });

    const result = await deleteExpiredDeliveries({ olderThanDays: 30, now });
    expect(result).toMatchObject({ deliveries: 1, attempts: 2 });
    expect(await remaining([pending.id, retrying.id, sending.id, finished.id])).toEqual(
      [pending.id, retrying.id, sending.id].sort(),
    );
  });

  it("counts a finished delivery's age from when it finished, not from when it was queued", async () => {
    const r = await createFixture("retention-completed");
    const now = new Date();
    const lateFinish = await createDelivery(r, {
      createdAt: daysAfter(now, -40),
      status: "succeeded",
    });
    await db.delivery.update({
      where: { id: lateFinish.id },
      data: { completedAt: daysAfter(now, -5) },
    });
    const longDone = await createDelivery(r, { createdAt: daysAfter(now, -40), status: "failed" });

    await deleteExpiredDeliveries({ olderThanDays: 30, now });
    expect(await remaining([lateFinish.id, longDone.id])).toEqual([lateFinish.id]);
  });

  it("keeps a failure resent near the end of its window until the resend has finished and aged", async () => {
    const { post } = await projectSendingTo("retention-resend", "/ok", 1);
    const id = await post();
    await runDueDeliveries();
    // As if it had failed 29 days ago: queued, sent and finished then.
    const longAgo = daysAfter(new Date(), -29);
    await db.delivery.update({
      where: { id },
      data: { status: "failed", createdAt: longAgo, completedAt: longAgo },
    });

    const { projectId } = await db.delivery.findUniqueOrThrow({ where: { id } });
    await resendDelivery(projectId, id);
    expect(await stateOf(id)).toMatchObject({ status: "pending", completedAt: null });
    // Two days later the resend has not been sent yet (a paused worker, a backlog).
    await deleteExpiredDeliveries({ olderThanDays: 30, now: daysAfter(new Date(), 2) });
    expect(await remaining([id])).toEqual([id]);

    await runDueDeliveries();
    const sent = await stateOf(id);
    expect(sent.status).toBe("succeeded");
    expect(sent.completedAt?.getTime()).toBeGreaterThan(longAgo.getTime() + DAY_MS);
    await deleteExpiredDeliveries({ olderThanDays: 30, now: daysAfter(new Date(), 2) });
    expect(await remaining([id])).toEqual([id]);
    await deleteExpiredDeliveries({ olderThanDays: 30, now: daysAfter(new Date(), 31) });
    expect(await remaining([id])).toEqual([]);
  });
});

describe("completedAt", () => {
  it("is set by every way a delivery finishes and cleared while it is retried", async () => {
    const ok = await projectSendingTo("completed-ok", "/ok", 1);
    const succeeded = await ok.post();
    const failing = await projectSendingTo("completed-failing", "/fail", 2);
    const failed = await failing.post();
    const orphaned = await ok.post();
    // Its request is deleted before the first attempt: it fails without being sent.
    await db.delivery.update({ where: { id: orphaned }, data: { webhookRequestId: null } });

    await runDueDeliveries();
    expect(await stateOf(succeeded)).toMatchObject({ status: "succeeded" });
    expect((await stateOf(succeeded)).completedAt).toBeInstanceOf(Date);
    expect(await stateOf(orphaned)).toMatchObject({ status: "failed" });
    expect((await stateOf(orphaned)).completedAt).toBeInstanceOf(Date);
    expect(await stateOf(failed)).toMatchObject({ status: "pending", completedAt: null });

    await makeRetriesDue([failed]);
    await runDueDeliveries();
    expect(await stateOf(failed)).toMatchObject({ status: "failed" });
    expect((await stateOf(failed)).completedAt).toBeInstanceOf(Date);
  });
});
