// The call-event deliveries answer as the simulator page reads it: parsed, never cast, and
// checked against its DTO type at compile time.
import { z } from "zod";
import { type CallEventDeliveriesDto, DELIVERY_STATUSES } from "./delivery-status";

export const callEventDeliveriesSchema = z.object({
  callEvents: z.array(
    z.object({
      callEventId: z.string(),
      triggerType: z.string(),
      deliveries: z.array(
        z.object({
          id: z.string(),
          eventName: z.string(),
          host: z.string().nullable(),
          status: z.enum(DELIVERY_STATUSES),
          statusCode: z.number().nullable(),
          attempts: z.number(),
          maxAttempts: z.number(),
          errorKind: z.string().nullable(),
          error: z.string().nullable(),
          nextAttemptAt: z.string().nullable(),
        }),
      ),
    }) satisfies z.ZodType<CallEventDeliveriesDto>,
  ),
});
