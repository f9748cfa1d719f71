import { findVariable } from "./catalog";
import { type PathPart, walkParams } from "./params-schema";
import type { WebhookRequestConfig } from "./request-schema";
import { templateVariables } from "./template";
import { describeTrigger, type TriggerType } from "./trigger-types";

/** Every template of a request with its path: URL, header values, parameter values, raw body. */
export function requestTemplates(
  request: WebhookRequestConfig,
): Array<{ path: PathPart[]; template: string }> {
  const out: Array<{ path: PathPart[]; template: string }> = [
    { path: ["url"], template: request.url },
  ];
  request.headers.forEach((h, i) => {
    out.push({ path: ["headers", i, "value"], template: h.value });
  });
  walkParams(request.params, (param, path) => {
    // Text and the hash types carry one template in `value`.
    if ("value" in param) out.push({ path: [...path, "value"], template: param.value });
    if (param.type === "array") {
      param.items.forEach((item, i) => {
        if (typeof item === "string") out.push({ path: [...path, "items", i], template: item });
      });
    }
  });
  if (request.body !== undefined) out.push({ path: ["body"], template: request.body });
  return out;
}

/** Whether a template can use the variable at this trigger type: null when it can. */
export function variableIssue(
  name: string,
  trigger: TriggerType,
): "unknown" | "unavailable" | null {
  const variable = findVariable(name);
  if (!variable) return "unknown";
  return variable.triggers.includes(trigger) ? null : "unavailable";
}

/** Why a template cannot use the variable at this trigger type (in English), or null. */
export function variableProblem(name: string, trigger: TriggerType): string | null {
  const issue = variableIssue(name, trigger);
  if (issue === "unknown") return `unknown variable {{${name}}}`;
  if (issue === null) return null;
  const { group, label } = describeTrigger(trigger);
  return `{{${name}}} is not available for ${group}: ${label}`;
}

/** Variables a request uses that the trigger type does not carry (or that do not exist at all). */
export function findVariableProblems(request: WebhookRequestConfig, trigger: TriggerType) {
  const problems: Array<{ path: PathPart[]; variable: string; message: string }> = [];
  for (const { path, template: text } of requestTemplates(request)) {
    for (const name of templateVariables(text)) {
      const message = variableProblem(name, trigger);
      if (message) problems.push({ path, variable: name, message });
    }
  }
  return problems;
}
