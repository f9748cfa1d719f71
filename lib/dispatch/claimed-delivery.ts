import { engineStore } from "./store";
import type { ClaimedDelivery } from "./store-types";

export type { ClaimedDelivery } from "./store-types";

/** The claimed deliveries with everything their attempts need, in claim order (the fair order). */
export async function loadClaimedDeliveries(ids: string[]): Promise<ClaimedDelivery[]> {
  const loaded = await engineStore().loadClaimed(ids);
  const byId = new Map(loaded.map((delivery) => [delivery.id, delivery]));
  return ids.flatMap((id) => {
    const delivery = byId.get(id);
    return delivery ? [delivery] : [];
  });
}
