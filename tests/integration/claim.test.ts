import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { claimDueDeliveries } from "@/lib/dispatch/claim";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";

async function pendingDeliveries(count: number) {
  const { project } = await createUserWithProject("claim");
  await db.webhookEvent.updateMany({ where: { projectId: project.id }, data: { enabled: false } });
  await createWebhookEvent(project.id, {
    name: "Hook",
    type: "incoming.after_call",
    requests: [{ url: "https://crm.example.com/hook", method: "POST" }],
  });
  const sample = sampleCallFor("incoming.after_call");
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const result = await ingestCallEvent(project.id, {
      type: "incoming.after_call",
      occurredAt: sample.occurredAt,
      call: { ...sample.call, uniqueid: `call-${i}` },
    });
    ids.push(...result.deliveries);
  }
  // These tests are about leases, not politeness: let every due delivery be in flight at once.
  await db.webhookRequest.updateMany({ data: { maxInFlight: count } });
  return ids;
}

describe("claiming due deliveries", () => {
  it("gives each due delivery to one worker only, and leaves future ones", async () => {
    const ids = await pendingDeliveries(10);
    const later = ids[9] ?? "";
    await db.delivery.update({
      where: { id: later },
      data: { nextAttemptAt: new Date(Date.now() + 60_000) },
    });

    const claims = await Promise.all(
      ["w1", "w2", "w3"].map((workerId) =>
        claimDueDeliveries({ workerId, limit: 4, leaseMs: 30_000 }),
      ),
    );
    const claimed = claims.flat();
    expect(claimed.sort()).toEqual(ids.filter((id) => id !== later).sort());
    expect(new Set(claimed).size).toBe(claimed.length);
    const rows = await db.delivery.findMany({ where: { id: { in: claimed } } });
    expect(rows.every((r) => r.status === "sending" && r.leaseUntil !== null)).toBe(true);
    expect(await claimDueDeliveries({ workerId: "w4", limit: 10, leaseMs: 30_000 })).toEqual([]);
  });

  it("takes over deliveries whose lease expired", async () => {
    await db.delivery.deleteMany();
    const ids = await pendingDeliveries(3);
    const first = await claimDueDeliveries({ workerId: "crashed", limit: 10, leaseMs: 1_000 });
    expect(first.sort()).toEqual([...ids].sort());
    expect(await claimDueDeliveries({ workerId: "next", limit: 10, leaseMs: 1_000 })).toEqual([]);
    const afterLease = new Date(Date.now() + 2_000);
    const taken = await claimDueDeliveries({
      workerId: "next",
      limit: 10,
      leaseMs: 1_000,
      now: afterLease,
    });
    expect(taken.sort()).toEqual([...ids].sort());
    const owners = await db.delivery.findMany({
      where: { id: { in: ids } },
      select: { leaseOwner: true },
    });
    expect(owners.every((o) => o.leaseOwner === "next")).toBe(true);
  });
});

describe("claiming at once from many connections", () => {
  it("never leases more than a request's in-flight cap or rate window, however many claim together", async () => {
    await db.delivery.deleteMany();
    const ids = await pendingDeliveries(20);
    const request = await db.delivery.findFirstOrThrow({
      where: { id: ids[0] ?? "" },
      select: { webhookRequestId: true },
    });
    const claimTogether = () =>
      Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          claimDueDeliveries({ workerId: `w${n}`, limit: 10, leaseMs: 30_000 }),
        ),
      );

    await db.webhookRequest.update({
      where: { id: request.webhookRequestId ?? "" },
      data: { maxInFlight: 3 },
    });
    const capped = (await claimTogether()).flat();
    expect(capped).toHaveLength(3);
    expect(new Set(capped).size).toBe(3);

    await db.delivery.updateMany({
      where: { id: { in: ids } },
      data: { status: "pending", leaseOwner: null, leaseUntil: null },
    });
    await db.webhookRequest.update({
      where: { id: request.webhookRequestId ?? "" },
      data: { maxInFlight: 100, ratePerSecond: 4 },
    });
    const windowed = (await claimTogether()).flat();
    expect(windowed).toHaveLength(4);
  });
});
