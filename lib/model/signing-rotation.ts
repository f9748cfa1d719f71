import { z } from "zod";
import { recordIdSchema } from "./ids";

// Rotating a signing secret keeps the old one signing beside the new for a while (Standard
// Webhooks sends both signatures, space-separated), so a receiver can switch without losing a
// request. The admin picks how long; 0 drops the old secret at once.

/** The periods the wizard offers, in hours. */
export const SIGNING_OVERLAP_HOURS = [0, 1, 24, 72, 168] as const;
export const DEFAULT_SIGNING_OVERLAP_HOURS = 24;

/** The rotation's messages, by their key in messages/*.json (`validation.<key>`). */
export const SIGNING_ROTATION_MESSAGES = {
  wholeHours: "use whole hours",
  overlapRange: "use 0 to 168 hours",
} as const;

export const SIGNING_ROTATION_MESSAGE_VALUES = { overlapRange: { min: 0, max: 168 } };

export const signingRotationSchema = z
  .object({
    overlapHours: z
      .number()
      .int(SIGNING_ROTATION_MESSAGES.wholeHours)
      .min(0, SIGNING_ROTATION_MESSAGES.overlapRange)
      .max(168, SIGNING_ROTATION_MESSAGES.overlapRange)
      .default(DEFAULT_SIGNING_OVERLAP_HOURS),
  })
  .strict();

export type SigningRotationInput = z.input<typeof signingRotationSchema>;

/** The API's body: which request of the event, and the overlap. */
export const signingRotationRequestSchema = signingRotationSchema
  .extend({ requestId: recordIdSchema })
  .strict();
