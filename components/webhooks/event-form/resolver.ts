import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, Resolver } from "react-hook-form";
import { type WebhookEventInput, webhookEventSchema } from "@/lib/model/event-schema";
import { type EventFormValues, toEventInput, toFormPath } from "./form-values";

/**
 * Validates the form with the shared `webhookEventSchema` (the same parse the server runs) and
 * puts each issue on the form field that shows it. On success the submit handler receives the
 * schema's input, ready for the server action.
 */
export const eventFormResolver: Resolver<EventFormValues, unknown, WebhookEventInput> = async (
  values,
  _context,
  options,
) => {
  const input = toEventInput(values);
  const result = await webhookEventSchema.safeParseAsync(input);
  if (result.success) return { values: input, errors: {} };
  const flat: Record<string, FieldError> = {};
  for (const issue of result.error.issues) {
    const name = toFormPath(issue.path as PropertyKey[]) || "root";
    flat[name] ??= { type: issue.code, message: issue.message };
  }
  return { values: {}, errors: toNestErrors(flat, options) };
};
