import { z } from "zod";
import { emptyConditions } from "./defaults";
import { LIMITS, PARAM_MESSAGES } from "./params-schema";
import { ONLY_WHEN_VALID, webhookRequestSchema } from "./request-schema";
import { isSingleLineText, SINGLE_LINE_MESSAGE } from "./text";
import { TRIGGER_TYPES } from "./trigger-types";
import { findVariableProblems } from "./variables";

// The webhook event and its parts, defined once for the forms, the actions, the routes and the
// types. The request and its parameter tree live in request-schema.ts and params-schema.ts.
export * from "./defaults";
export * from "./params-schema";
export * from "./request-messages";
export * from "./request-schema";
export * from "./variables";

/** The event schema's messages, by their key in messages/*.json (`validation.<key>`). */
export const EVENT_MESSAGES = {
  minDurationNegative: "use 0 or more seconds",
  eventTypeChoice: "choose one of the event types",
  requestsRequired: "add at least one webhook request",
  requestsTooMany: `use at most ${LIMITS.requestsPerEvent} webhook requests`,
} as const;

export const EVENT_MESSAGE_VALUES = { requestsTooMany: { max: LIMITS.requestsPerEvent } };

export const conditionsSchema = z
  .object({
    employeeNumbers: z
      .array(z.string().trim().min(1).max(50).refine(isSingleLineText, SINGLE_LINE_MESSAGE))
      .max(500)
      .default([]),
    departments: z
      .array(z.string().trim().min(1).max(200).refine(isSingleLineText, SINGLE_LINE_MESSAGE))
      .max(500)
      .default([]),
    dispositions: z
      .array(z.string().trim().min(1).max(50).refine(isSingleLineText, SINGLE_LINE_MESSAGE))
      .max(50)
      .default([]),
    minDurationSec: z
      .number()
      .int()
      .min(0, EVENT_MESSAGES.minDurationNegative)
      .max(86_400)
      .nullable()
      .default(null),
  })
  .strict();

export type Conditions = z.output<typeof conditionsSchema>;

const eventBaseSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, PARAM_MESSAGES.nameRequired)
      .max(100, "use at most 100 characters")
      .refine(isSingleLineText, SINGLE_LINE_MESSAGE),
    type: z.enum(TRIGGER_TYPES, EVENT_MESSAGES.eventTypeChoice),
    enabled: z.boolean().default(true),
    conditions: conditionsSchema.default(emptyConditions),
    requests: z
      .array(webhookRequestSchema)
      .min(1, EVENT_MESSAGES.requestsRequired)
      .max(LIMITS.requestsPerEvent, EVENT_MESSAGES.requestsTooMany),
  })
  .strict();

export const webhookEventSchema = eventBaseSchema.superRefine((event, ctx) => {
  event.requests.forEach((request, index) => {
    for (const problem of findVariableProblems(request, event.type)) {
      ctx.addIssue({
        code: "custom",
        path: ["requests", index, ...problem.path],
        message: problem.message,
        // What the interface needs to word the problem in its own language.
        params: { variable: problem.variable, trigger: event.type },
      });
    }
  });
}, ONLY_WHEN_VALID);

// No defaults here: a field left out of a PATCH is left as it is.
export const webhookEventPatchSchema = z
  .object({
    name: eventBaseSchema.shape.name.optional(),
    enabled: z.boolean().optional(),
    conditions: conditionsSchema.optional(),
  })
  .strict();

export type WebhookEventInput = z.input<typeof webhookEventSchema>;
export type WebhookEventConfig = z.output<typeof webhookEventSchema>;

export const copyRequestSchema = z
  .object({
    type: z.enum(TRIGGER_TYPES, EVENT_MESSAGES.eventTypeChoice),
    name: z
      .string()
      .trim()
      .min(1, PARAM_MESSAGES.nameRequired)
      .max(100, "use at most 100 characters")
      .refine(isSingleLineText, SINGLE_LINE_MESSAGE)
      .optional(),
    removeMissing: z.boolean().default(false),
  })
  .strict();
