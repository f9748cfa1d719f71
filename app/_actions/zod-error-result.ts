import "server-only";
import { createTranslator } from "next-intl";
import { ZodError } from "zod";
import { issueText } from "@/i18n/issue-text";
import { loadMessages } from "@/i18n/messages";
import { requestLocale } from "@/i18n/request-locale";
import { toFieldErrors } from "@/lib/http/errors";
import { variableIssue } from "@/lib/model/event-schema";
import { type TriggerType, triggerGroupOf } from "@/lib/model/trigger-types";
import type messages from "@/messages/en.json";

/**
 * A failed parse as the form shows it, in the language of whoever sent the action (the same
 * locale i18n/request.ts picks for the page). createTranslator rather than getTranslations:
 * it needs no Next request scope, so the actions run the same under the tests.
 */
export async function zodErrorResult(
  error: ZodError,
): Promise<{ message: string; fieldErrors: Record<string, string> }> {
  const locale = await requestLocale();
  const catalog: typeof messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages: catalog, namespace: "validation" });
  const schemaMessage = createTranslator({
    locale,
    messages: catalog,
    namespace: "schemaMessages",
  });
  const template = createTranslator({ locale, messages: catalog, namespace: "templateInput" });
  const triggers = createTranslator({ locale, messages: catalog, namespace: "triggers" });
  const translators = {
    validation: (key: string, values?: Record<string, string | number>) =>
      t(key as never, values as never),
    schemaMessages: (key: string) => schemaMessage(key as never),
    // The same wording as the wizard's own check of a template (use-variable-problem.ts).
    variableProblem: (name: string, trigger: TriggerType) => {
      const problem = variableIssue(name, trigger);
      const variable = `{{${name}}}`;
      if (problem === null) return null;
      if (problem === "unknown") return template("unknown", { variable });
      const group = triggers(`group.${triggerGroupOf(trigger)}`);
      return template("unavailable", { variable, group, label: triggers(`moment.${trigger}`) });
    },
  };
  const translated = error.issues.map((issue) => ({
    ...issue,
    message: issueText(issue, translators),
  }));
  return { message: t("checkFields"), fieldErrors: toFieldErrors(new ZodError(translated)) };
}
