import { findVariableProblems } from "@/lib/model/event-schema";
import { parseTemplate, singlePlaceholder } from "@/lib/model/template";
import type { TriggerType } from "@/lib/model/trigger-types";
import { type EventFormValues, toFormPath, toRequestInput } from "./form-values";

export type MissingVariable = { field: string; variable: string; message: string };

/** Variables the form's requests use that its trigger type does not carry, with their fields. */
export function findMissingVariables(values: EventFormValues): MissingVariable[] {
  if (!values.type) return [];
  const type = values.type as TriggerType;
  return values.requests.flatMap((request, index) =>
    findVariableProblems(toRequestInput(request), type).map((problem) => ({
      field: toFormPath(["requests", index, ...problem.path]),
      variable: problem.variable,
      message: problem.message,
    })),
  );
}

function stripVariable(template: string, variable: string): string {
  return parseTemplate(template)
    .map((part) =>
      part.kind === "text" ? part.value : part.name === variable ? "" : `{{${part.name}}}`,
    )
    .join("");
}

type Edit = { name: string; value: unknown };

/**
 * How to take a variable out of one field: a parameter or array item that is nothing but the
 * variable goes with it; anywhere else the placeholder is cut out of the text.
 */
export function removalEdit(values: EventFormValues, missing: MissingVariable): Edit | null {
  const parts = missing.field.split(".");
  const template = read(values, parts);
  if (typeof template !== "string") return null;
  const whole = singlePlaceholder(template) === missing.variable;
  const last = parts.at(-1);
  const parentOfOwner = parts.slice(0, -2);
  const ownerIndex = Number(parts.at(-2));
  const ownerList = read(values, parentOfOwner);
  const ownedByList =
    last === "value" &&
    Number.isInteger(ownerIndex) &&
    Array.isArray(ownerList) &&
    ["params", "fields", "items"].includes(parentOfOwner.at(-1) ?? "");
  if (whole && ownedByList) {
    return {
      name: parentOfOwner.join("."),
      value: (ownerList as unknown[]).filter((_, i) => i !== ownerIndex),
    };
  }
  return { name: missing.field, value: stripVariable(template, missing.variable) };
}

function read(values: unknown, parts: string[]): unknown {
  let node = values;
  for (const part of parts) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
