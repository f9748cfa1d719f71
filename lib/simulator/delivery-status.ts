// Shared by the server read and the simulator page, so it imports nothing server-only.
import type { DeliveryStatus } from "../model/delivery-status";

export { DELIVERY_STATUSES, type DeliveryStatus } from "../model/delivery-status";

/** One delivery as the simulator shows it; no request bodies or secrets leave the server. */
export type CallDeliveryDto = {
  id: string;
  eventName: string;
  /** Host (and port) of the request URL, the part an admin recognises. */
  host: string | null;
  status: DeliveryStatus;
  statusCode: number | null;
  attempts: number;
  maxAttempts: number;
  errorKind: string | null;
  error: string | null;
  /** When a pending delivery is due next (a scheduled retry after a failed attempt). */
  nextAttemptAt: string | null;
};

export type CallEventDeliveriesDto = {
  callEventId: string;
  triggerType: string;
  deliveries: CallDeliveryDto[];
};

/** Succeeded and failed deliveries change no more (until someone resends a failed one). */
export function isFinalStatus(status: DeliveryStatus): boolean {
  return status === "succeeded" || status === "failed";
}
