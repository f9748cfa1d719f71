import { db } from "@/lib/db/client";
import { claimDueDeliveries } from "@/lib/dispatch/claim";
import { processDelivery } from "@/lib/dispatch/process";

/** Runs every due delivery once, as a worker would, and returns when none is due. */
export async function runDueDeliveries(workerId = "test-worker") {
  for (;;) {
    const ids = await claimDueDeliveries({ workerId, limit: 50, leaseMs: 30_000 });
    if (ids.length === 0) return;
    await Promise.all(ids.map((id) => processDelivery(id, workerId)));
  }
}

/** Makes scheduled retries due now: the schedule itself is asserted before calling this. */
export async function makeRetriesDue(deliveryIds: string[]) {
  await db.delivery.updateMany({
    where: { id: { in: deliveryIds }, status: "pending" },
    data: { nextAttemptAt: new Date() },
  });
}
