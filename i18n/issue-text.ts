import { z } from "zod";
import { isTriggerType, type TriggerType } from "@/lib/model/trigger-types";
import { SCHEMA_MESSAGE_KEYS } from "./schema-message-keys";

export type ZodIssue = z.core.$ZodIssue;

type Values = Record<string, string | number>;

/** The catalog lookups an issue's text needs, bound to one language (client or server). */
export type IssueTranslators = {
  /** `validation.<key>` */
  validation: (key: string, values?: Values) => string;
  /** `schemaMessages.<key>` */
  schemaMessages: (key: string) => string;
  /** Why a template cannot use the variable at this trigger type (templateInput), or null. */
  variableProblem: (name: string, trigger: TriggerType) => string | null;
};

/**
 * A zod issue in the interface language: by the catalog key of the schema's own message, else
 * by the issue's kind and its values (limits, formats, choices), else the schema's English.
 */
export function issueText(issue: ZodIssue, t: IssueTranslators): string {
  if (issue.code === "invalid_union") {
    // The branch the value came closest to matching says what is wrong, as the resolver did.
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]?.[0];
    if (closest) return issueText(closest, t);
  }
  const keyed = SCHEMA_MESSAGE_KEYS.get(issue.message);
  if (keyed) {
    return keyed.namespace === "schemaMessages"
      ? t.schemaMessages(keyed.key)
      : t.validation(keyed.key, { ...keyed.values });
  }
  if (issue.code === "custom") {
    const { variable, trigger } = issue.params ?? {};
    if (typeof variable === "string" && isTriggerType(trigger)) {
      return t.variableProblem(variable, trigger) ?? issue.message;
    }
    return issue.message;
  }
  const generic = byKind(issue);
  const text = t.validation(generic.key, generic.values);
  return isZodDefault(issue) ? text : sameCase(text, issue.message);
}

/** zod's own kinds, worded from their values; a kind without a wording of its own is "check". */
function byKind(issue: ZodIssue): { key: string; values?: Values } {
  switch (issue.code) {
    case "too_big":
    case "too_small": {
      const big = issue.code === "too_big";
      const limit = Number(big ? issue.maximum : issue.minimum);
      const values: Values = big ? { maximum: limit } : { minimum: limit };
      const exclusive = issue.inclusive === false;
      switch (issue.origin) {
        case "string":
          if (!big && limit <= 1 && !exclusive) return { key: "required" };
          return { key: big ? "tooLong" : "tooShort", values };
        case "number":
        case "int":
        case "bigint":
          if (exclusive) return { key: big ? "lessThan" : "greaterThan", values };
          return { key: big ? "atMost" : "atLeast", values };
        case "array":
        case "set":
          return { key: big ? "tooManyItems" : "tooFewItems", values };
        default:
          return { key: "invalidValue" };
      }
    }
    case "invalid_type":
      if (issue.expected === "int") return { key: "wholeNumber" };
      if (issue.expected === "number") return { key: "enterNumber" };
      if (issue.expected === "string") return { key: "required" };
      return { key: "invalidValue" };
    case "invalid_format":
      if (issue.format === "email") return { key: "invalidEmail" };
      if (issue.format === "url") return { key: "invalidUrl" };
      return { key: "invalidFormat" };
    case "invalid_value":
      return { key: "chooseOneOf", values: { values: issue.values.map(String).join(", ") } };
    case "unrecognized_keys":
      return { key: "unknownFields", values: { keys: issue.keys.join(", ") } };
    case "not_multiple_of":
      return { key: "notMultipleOf", values: { divisor: issue.divisor } };
    default:
      return { key: "invalidValue" };
  }
}

/** Whether the message is zod's own English (the schema gave none), which is capitalised. */
function isZodDefault(issue: ZodIssue): boolean {
  // zod words a NaN as "received NaN" from the issue's input, which the finished issue lacks.
  if (issue.message.startsWith("Invalid input")) return true;
  const own = z.config().localeError?.(issue as never);
  return (typeof own === "string" ? own : own?.message) === issue.message;
}

/**
 * The generic wording starts in lower case, as the model's messages do (the API puts a field
 * name before them); where the schema began its own message with a capital, so does this.
 */
function sameCase(text: string, english: string): string {
  const first = english.charAt(0);
  return first !== first.toLowerCase() ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
