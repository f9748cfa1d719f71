"use client";

import { useTranslations } from "next-intl";
import { variableIssue, variableProblem } from "@/lib/model/event-schema";
import type { TriggerType } from "@/lib/model/trigger-types";
import { useTriggerLabel } from "./use-trigger-label";

export type VariableProblem = {
  /** The schema's own (English) message: what a validation error on the field carries. */
  english: string;
  /** The same in the interface language. */
  shown: string;
};

/**
 * Why a template cannot use a variable at this trigger type, in the interface language, or
 * null when it can. The English message stays beside it: the form's validation speaks English,
 * and a field shows one problem once.
 */
export function useVariableProblem() {
  const t = useTranslations("templateInput");
  const triggerLabel = useTriggerLabel();
  return (name: string, trigger: TriggerType): VariableProblem | null => {
    const issue = variableIssue(name, trigger);
    const english = variableProblem(name, trigger);
    if (issue === null || english === null) return null;
    const variable = `{{${name}}}`;
    if (issue === "unknown") return { english, shown: t("unknown", { variable }) };
    const { group, label } = triggerLabel(trigger);
    return { english, shown: t("unavailable", { variable, group, label }) };
  };
}
