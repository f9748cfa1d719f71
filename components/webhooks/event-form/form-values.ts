import {
  type DateFormat,
  defaultHeaders,
  emptyConditions,
  type Format,
  type HashType,
  type Method,
  type Param,
  REQUEST_DEFAULTS,
  type RetrySchedule,
  type WebhookEventInput,
  type WebhookRequestConfig,
  type WebhookRequestInput,
} from "@/lib/model/event-schema";
import { isSecretHeader } from "@/lib/model/sensitive";
import type { TriggerType } from "@/lib/model/trigger-types";
import type { WebhookEventDto } from "@/lib/webhooks/serializers";

// The form holds the event in the schema's shape with one difference: an array item is an
// object (`{ kind: "text", value }`), because react-hook-form's field arrays only hold objects.
// `toEventInput` turns the form back into the schema's input, and `toFormPath` maps a schema
// path (from zod or from the server) onto the form field that shows it.

export type FormParam =
  | { name: string; type: "text" | HashType; value: string }
  | { name: string; type: "array"; items: FormArrayItem[] }
  | { name: string; type: "object"; fields: FormParam[] };

export type FormParamType = FormParam["type"];

export type FormArrayItem =
  | { kind: "text"; value: string }
  | { kind: "object"; fields: FormParam[] };

/** `secret` unset follows the name rule (lib/model/sensitive.ts) until the admin ticks or unticks it. */
export type FormHeader = { name: string; value: string; secret?: boolean };

export type FormRequest = {
  /** The stored request's id, so an edit keeps its identity and delivery history. */
  id?: string;
  url: string;
  method: Method;
  format: Format;
  dateFormat: DateFormat;
  headers: FormHeader[];
  params: FormParam[];
  body: string;
  rpcMethod: string;
  timeoutMs: number;
  retry: { attempts: number; schedule: RetrySchedule };
  /** ratePerSecond null: no rate limit. */
  delivery: { maxInFlight: number; ratePerSecond: number | null };
  signing: { enabled: boolean };
};

export type EventFormValues = {
  name: string;
  type: TriggerType | "";
  enabled: boolean;
  conditions: {
    employeeNumbers: string[];
    departments: string[];
    dispositions: string[];
    minDurationSec: number | null;
  };
  requests: FormRequest[];
};

/** Path types of one shape at any depth, for field names built at run time. */
export type ParamsPath = `requests.${number}.params`;
export type ParamPath = `requests.${number}.params.${number}`;
export type ItemsPath = `requests.${number}.params.${number}.items`;
export type TemplatePath = `requests.${number}.params.${number}.value`;

export function newRequest(): FormRequest {
  const { method, format, dateFormat, timeoutMs, retry, delivery, signing } = REQUEST_DEFAULTS;
  return {
    url: "",
    method,
    format,
    dateFormat,
    headers: defaultHeaders(method, format),
    params: [],
    body: "",
    rpcMethod: "",
    timeoutMs,
    retry: { ...retry },
    delivery: { ...delivery },
    signing: { ...signing },
  };
}

export function newEvent(): EventFormValues {
  return {
    name: "",
    type: "",
    enabled: true,
    conditions: emptyConditions(),
    requests: [newRequest()],
  };
}

export function toFormParam(param: Param): FormParam {
  switch (param.type) {
    case "object":
      return { name: param.name, type: "object", fields: param.fields.map(toFormParam) };
    case "array":
      return {
        name: param.name,
        type: "array",
        items: param.items.map((item) =>
          typeof item === "string"
            ? { kind: "text", value: item }
            : { kind: "object", fields: item.fields.map(toFormParam) },
        ),
      };
    default:
      return { name: param.name, type: param.type, value: param.value };
  }
}

function toParam(param: FormParam): Param {
  switch (param.type) {
    case "object":
      return { name: param.name, type: "object", fields: param.fields.map(toParam) };
    case "array":
      return {
        name: param.name,
        type: "array",
        items: param.items.map((item) =>
          item.kind === "text" ? item.value : { type: "object", fields: item.fields.map(toParam) },
        ),
      };
    default:
      return { name: param.name, type: param.type, value: param.value };
  }
}

export function toFormRequest(request: WebhookRequestInput & { id?: string }): FormRequest {
  const method = request.method;
  const format = request.format ?? REQUEST_DEFAULTS.format;
  return {
    ...(request.id ? { id: request.id } : {}),
    url: request.url,
    method,
    format,
    dateFormat: request.dateFormat ?? REQUEST_DEFAULTS.dateFormat,
    headers: request.headers ?? defaultHeaders(method, format),
    params: ((request.params ?? []) as Param[]).map(toFormParam),
    body: request.body ?? "",
    rpcMethod: request.rpcMethod ?? "",
    timeoutMs: request.timeoutMs ?? REQUEST_DEFAULTS.timeoutMs,
    retry: {
      attempts: request.retry?.attempts ?? REQUEST_DEFAULTS.retry.attempts,
      schedule: request.retry?.schedule ?? REQUEST_DEFAULTS.retry.schedule,
    },
    delivery: {
      maxInFlight: request.delivery?.maxInFlight ?? REQUEST_DEFAULTS.delivery.maxInFlight,
      ratePerSecond: request.delivery?.ratePerSecond ?? REQUEST_DEFAULTS.delivery.ratePerSecond,
    },
    signing: { enabled: request.signing?.enabled ?? REQUEST_DEFAULTS.signing.enabled },
  };
}

export function toFormValues(event: WebhookEventInput | WebhookEventDto): EventFormValues {
  return {
    name: event.name,
    type: event.type as TriggerType,
    enabled: event.enabled ?? true,
    conditions: {
      employeeNumbers: event.conditions?.employeeNumbers ?? [],
      departments: event.conditions?.departments ?? [],
      dispositions: event.conditions?.dispositions ?? [],
      minDurationSec: event.conditions?.minDurationSec ?? null,
    },
    requests: event.requests.map((request) => toFormRequest(request)),
  };
}

/**
 * A request as the schema takes it. Every field is present (headers included), so the result
 * is also in the parsed shape that `findVariableProblems` walks.
 */
export function toRequestInput(request: FormRequest): WebhookRequestConfig {
  const sendsBody = request.method !== "GET";
  return {
    ...(request.id ? { id: request.id } : {}),
    url: request.url,
    method: request.method,
    format: request.format,
    dateFormat: request.dateFormat,
    headers: request.headers.map((header) => ({ ...header, secret: isSecretHeader(header) })),
    params: request.params.map(toParam),
    ...(sendsBody && request.format === "raw" ? { body: request.body } : {}),
    ...(sendsBody && request.format === "json-rpc" ? { rpcMethod: request.rpcMethod } : {}),
    timeoutMs: request.timeoutMs,
    retry: request.retry,
    delivery: request.delivery,
    signing: request.signing,
  };
}

export function toEventInput(values: EventFormValues): WebhookEventInput {
  return {
    name: values.name,
    type: values.type as TriggerType,
    enabled: values.enabled,
    conditions: values.conditions,
    requests: values.requests.map(toRequestInput),
  };
}

/** `requests[1].params[2].items[0]` or `["requests", 1, …]` → the form's dotted field name. */
export function toFormPath(path: string | ReadonlyArray<PropertyKey>): string {
  const parts =
    typeof path === "string"
      ? path
          .replace(/\[(\d+)\]/g, ".$1")
          .split(".")
          .filter(Boolean)
      : path.map(String);
  // A string array item lives in the form as `items.N.value`.
  if (
    parts.length >= 2 &&
    parts[parts.length - 2] === "items" &&
    /^\d+$/.test(parts.at(-1) ?? "")
  ) {
    parts.push("value");
  }
  return parts.join(".");
}

/** A parameter of another type that keeps what still fits: the name, and a text value. */
export function convertParam(param: FormParam, type: FormParamType): FormParam {
  const text =
    "value" in param
      ? param.value
      : param.type === "array"
        ? (param.items.find((i) => i.kind === "text") as { value: string } | undefined)?.value
        : undefined;
  switch (type) {
    case "object":
      return { name: param.name, type, fields: param.type === "object" ? param.fields : [] };
    case "array":
      return {
        name: param.name,
        type,
        items: param.type === "array" ? param.items : text ? [{ kind: "text", value: text }] : [],
      };
    default:
      return { name: param.name, type, value: text ?? "" };
  }
}

export function newParam(): FormParam {
  return { name: "", type: "text", value: "" };
}
