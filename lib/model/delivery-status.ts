import { z } from "zod";

/** A delivery's place in its life: queued, being sent, done well, or given up on. */
export const DELIVERY_STATUSES = ["pending", "sending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
