import { type ClaimedDelivery, loadClaimedDeliveries } from "./claimed-delivery";
import { engineStore } from "./store";
import { wakeWorkers } from "./wake";

type ClaimInput = { workerId: string; limit: number; leaseMs: number; now?: Date };

/**
 * Leases up to `limit` due deliveries to one worker and returns their ids. No two workers, in
 * any process, are given the same delivery while its lease runs. What is picked is fair and
 * polite: each webhook request gets at most its free in-flight slots and what is left of its
 * rate window, and projects take turns, so one project's flood cannot starve another.
 */
export async function claimDueDeliveryIds(input: ClaimInput): Promise<string[]> {
  if (input.limit <= 0) return [];
  return engineStore().claim({ ...input, now: input.now ?? new Date() });
}

/** Same as claimDueDeliveryIds, returning the ids only (tests, tools). */
export const claimDueDeliveries = claimDueDeliveryIds;

/**
 * Leases a batch and returns everything needed to send it (the delivery, its call, its
 * request's config and its project's settings), read in one statement for the whole batch.
 */
export async function claimDeliveryBatch(input: ClaimInput): Promise<ClaimedDelivery[]> {
  const ids = await claimDueDeliveryIds(input);
  if (ids.length === 0) return [];
  return loadClaimedDeliveries(ids);
}

/**
 * Extends the leases of the deliveries in flight in a live worker. Called on a heartbeat, so a
 * delivery waiting for a socket or a slow receiver is not mistaken for a dead worker's and sent
 * a second time. Only the ids in flight: a row whose processing ended without its outcome
 * recorded must be left to lapse, not kept leased for as long as the worker lives.
 */
export async function renewLeases(input: {
  workerId: string;
  ids: string[];
  leaseMs: number;
  now?: Date;
}): Promise<number> {
  const now = input.now ?? new Date();
  return engineStore().renewLeases(
    input.workerId,
    input.ids,
    new Date(now.getTime() + input.leaseMs),
  );
}

/**
 * Hands deliveries the worker holds back to the queue unsent and uncounted, due at `dueAt`
 * (now by default), for any worker to claim; workers here and in other processes are woken.
 */
export async function releaseLeases(input: {
  workerId: string;
  ids: string[];
  dueAt?: Date;
  now?: Date;
}): Promise<number> {
  const now = input.now ?? new Date();
  const released = await engineStore().releaseLeases(
    input.workerId,
    input.ids,
    input.dueAt ?? now,
    now,
  );
  if (released > 0) wakeWorkers();
  return released;
}
