import { createTranslator } from "next-intl";
import type { Messages } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";
import { variableIssue } from "@/lib/model/event-schema";
import { type TriggerType, triggerGroupOf } from "@/lib/model/trigger-types";
import type { IssueTranslators } from "./issue-text";

/**
 * The lookups of i18n/issue-text.ts bound to one language's catalog, outside React: for server
 * actions (createTranslator needs no Next request scope, so they run the same under the tests).
 * components/i18n/use-issue-text.ts binds the same lookups with useTranslations.
 */
export function catalogTranslators(locale: Locale, catalog: Messages): IssueTranslators {
  const t = createTranslator({ locale, messages: catalog, namespace: "validation" });
  const schemaMessage = createTranslator({
    locale,
    messages: catalog,
    namespace: "schemaMessages",
  });
  const template = createTranslator({ locale, messages: catalog, namespace: "templateInput" });
  const triggers = createTranslator({ locale, messages: catalog, namespace: "triggers" });
  return {
    validation: (key, values) => t(key as never, values as never),
    schemaMessages: (key) => schemaMessage(key as never),
    // The wording of the wizard's own check of a template (use-variable-problem.ts).
    variableProblem: (name: string, trigger: TriggerType) => {
      const problem = variableIssue(name, trigger);
      const variable = `{{${name}}}`;
      if (problem === null) return null;
      if (problem === "unknown") return template("unknown", { variable });
      const group = triggers(`group.${triggerGroupOf(trigger)}`);
      return template("unavailable", { variable, group, label: triggers(`moment.${trigger}`) });
    },
  };
}
