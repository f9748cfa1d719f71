import type { Resolver } from "react-hook-form";
import { translatedResolver } from "@/components/forms/translated-resolver";
import type { ZodIssue } from "@/i18n/issue-text";
import { type WebhookEventInput, webhookEventSchema } from "@/lib/model/event-schema";
import { type EventFormValues, toEventInput, toFormPath } from "./form-values";

/**
 * Validates the form with the shared `webhookEventSchema` (the same parse the server runs) and
 * puts each issue, in the interface language, on the form field that shows it. On success the
 * submit handler receives the schema's input, ready for the server action.
 */
export function eventFormResolver(
  issueText: (issue: ZodIssue) => string,
): Resolver<EventFormValues, unknown, WebhookEventInput> {
  return translatedResolver(
    async (values: EventFormValues) => {
      const input = toEventInput(values);
      const result = await webhookEventSchema.safeParseAsync(input);
      return result.success ? { success: true, data: input } : result;
    },
    issueText,
    toFormPath,
  );
}
