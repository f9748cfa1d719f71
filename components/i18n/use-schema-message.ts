"use client";

import { useTranslations } from "next-intl";
import { NAME_MESSAGE, REQUEST_MESSAGES } from "@/lib/model/event-schema";
import type { TriggerType } from "@/lib/model/trigger-types";
import { useVariableProblem } from "./use-variable-problem";

type MessageKey = keyof typeof REQUEST_MESSAGES | "paramName";

const KEY_OF = new Map<string, MessageKey>([
  ...Object.entries(REQUEST_MESSAGES).map(
    ([key, message]) => [message, key as MessageKey] as const,
  ),
  [NAME_MESSAGE, "paramName"],
]);

const VARIABLE_IN_PROBLEM =
  /^(?:unknown variable \{\{([^{}]+)\}\}|\{\{([^{}]+)\}\} is not available)/;

/**
 * A message of the request schema (the form's validation, the preview's and the server's
 * answer) in the interface language when it is one a person meets while building a request;
 * any other stays as the schema wrote it.
 */
export function useSchemaMessage() {
  const t = useTranslations("schemaMessages");
  const variableProblem = useVariableProblem();
  return (message: string, trigger?: TriggerType | ""): string => {
    const key = KEY_OF.get(message);
    if (key) return t(key);
    const named = VARIABLE_IN_PROBLEM.exec(message);
    const variable = named?.[1] ?? named?.[2];
    if (variable && trigger) {
      const problem = variableProblem(variable, trigger);
      if (problem?.english === message) return problem.shown;
    }
    return message;
  };
}
