"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { type IssueTranslators, issueText, type ZodIssue } from "@/i18n/issue-text";
import { useVariableProblem } from "./use-variable-problem";

/** A zod issue in the interface language (see i18n/issue-text.ts): what every form shows. */
export function useIssueText(): (issue: ZodIssue) => string {
  const t = useTranslations("validation");
  const schemaMessage = useTranslations("schemaMessages");
  const variableProblem = useVariableProblem();
  return useMemo(() => {
    const translators: IssueTranslators = {
      validation: (key, values) => t(key as never, values as never),
      schemaMessages: (key) => schemaMessage(key as never),
      variableProblem: (name, trigger) => variableProblem(name, trigger)?.shown ?? null,
    };
    return (issue: ZodIssue) => issueText(issue, translators);
  }, [t, schemaMessage, variableProblem]);
}
