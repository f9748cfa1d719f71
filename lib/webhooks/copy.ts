import { db } from "../db/client";
import { AppError } from "../errors";
import {
  type ArrayItem,
  findVariableProblems,
  type Param,
  type WebhookEventInput,
  type WebhookRequestConfig,
  webhookEventSchema,
  webhookRequestSchema,
} from "../model/event-schema";
import { parseTemplate } from "../model/template";
import { describeTrigger, isTriggerType } from "../model/trigger-types";
import type { SecretView } from "./serializers";
import { getWebhookEvent, insertEvent } from "./service";

export type MissingVariable = { path: string; variable: string; message: string };

function formatPath(path: Array<string | number>): string {
  return path.reduce<string>(
    (out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    "",
  );
}

/**
 * The copy as a draft (not saved) and the variables its requests use that the new type lacks.
 * The `masked` draft is the one the wizard shows: sensitive header values masked, and each
 * request keeps its source's id, so a create with `copyOf` puts the stored values back.
 */
export async function draftWebhookEventCopy(
  projectId: string,
  eventId: string,
  options: { type: string; name?: string; view?: SecretView },
) {
  const type = options.type;
  if (!isTriggerType(type)) {
    throw new AppError("validation_failed", { key: "chooseType" }, "type");
  }
  const masked = options.view === "masked";
  const source = await getWebhookEvent(projectId, eventId, masked ? "masked" : "unmasked");
  const requests = source.requests.map(({ id, position: _position, ...config }) =>
    masked ? { ...config, id } : config,
  );
  const draft: WebhookEventInput = {
    name: options.name?.trim() || `Copy of ${source.name}`.slice(0, 100),
    type,
    enabled: source.enabled,
    conditions: source.conditions,
    requests,
  };
  const missing: MissingVariable[] = requests.flatMap((request, index) =>
    findVariableProblems(webhookRequestSchema.parse(request), type).map((p) => ({
      path: formatPath(["requests", index, ...p.path]),
      variable: p.variable,
      message: p.message,
    })),
  );
  return { draft, missing };
}

/**
 * Copies an event to another trigger type. When the copied requests use variables the new type
 * does not carry, nothing is saved unless the caller confirms removing them.
 */
export async function copyWebhookEvent(
  projectId: string,
  eventId: string,
  options: { type: string; name?: string; removeMissing?: boolean },
) {
  const { draft, missing } = await draftWebhookEventCopy(projectId, eventId, options);
  let input = draft;
  if (missing.length > 0) {
    if (!options.removeMissing) {
      const { group, label } = describeTrigger(options.type);
      const names = [...new Set(missing.map((m) => `{{${m.variable}}}`))].join(", ");
      throw new AppError(
        "validation_failed",
        `${group}: ${label} does not carry ${names}. Fix the copy, or confirm removing them (removeMissing: true).`,
        "type",
        { missing },
      );
    }
    const unavailable = new Set(missing.map((m) => m.variable));
    input = {
      ...draft,
      requests: draft.requests.map((r) =>
        removeVariables(webhookRequestSchema.parse(r), unavailable),
      ),
    };
  }
  const config = webhookEventSchema.parse(input);
  const created = await db.$transaction((tx) => insertEvent(tx, projectId, config));
  return getWebhookEvent(projectId, created.id);
}

function stripVariables(template: string, names: Set<string>): string {
  return parseTemplate(template)
    .map((part) =>
      part.kind === "text" ? part.value : names.has(part.name) ? "" : `{{${part.name}}}`,
    )
    .join("");
}

function isOnly(template: string, names: Set<string>): boolean {
  const parts = parseTemplate(template);
  return parts.length === 1 && parts[0]?.kind === "variable" && names.has(parts[0].name);
}

/** A parameter that was exactly a removed variable goes with it; elsewhere the placeholder is cut out. */
function removeFromParams(params: Param[], names: Set<string>): Param[] {
  return params.flatMap((param): Param[] => {
    switch (param.type) {
      case "object":
        return [{ ...param, fields: removeFromParams(param.fields, names) }];
      case "array":
        return [
          {
            ...param,
            items: param.items.flatMap((item): ArrayItem[] =>
              typeof item === "string"
                ? isOnly(item, names)
                  ? []
                  : [stripVariables(item, names)]
                : [{ ...item, fields: removeFromParams(item.fields, names) }],
            ),
          },
        ];
      default:
        return isOnly(param.value, names)
          ? []
          : [{ ...param, value: stripVariables(param.value, names) }];
    }
  });
}

function removeVariables(request: WebhookRequestConfig, names: Set<string>): WebhookRequestConfig {
  return {
    ...request,
    url: stripVariables(request.url, names),
    headers: request.headers.map((h) => ({ ...h, value: stripVariables(h.value, names) })),
    params: removeFromParams(request.params, names),
    ...(request.body === undefined ? {} : { body: stripVariables(request.body, names) }),
  };
}
