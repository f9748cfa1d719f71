import { z } from "zod";
import { templateVariables } from "../render/template";
import { findVariable } from "./catalog";
import { describeTrigger, TRIGGER_TYPES, type TriggerType } from "./trigger-types";

export const METHODS = ["GET", "POST", "PUT"] as const;
export const FORMATS = ["json", "raw", "json-rpc", "form"] as const;
export const DATE_FORMATS = ["standard", "iso8601", "unix", "unix_ms", "dmy"] as const;
export const HASH_TYPES = ["md5", "crc32", "sha1", "sha256"] as const;
export const PARAM_TYPES = ["text", "array", "object", ...HASH_TYPES] as const;
export const RETRY_SCHEDULES = ["exponential", "fixed"] as const;

export const LIMITS = {
  requestsPerEvent: 40,
  paramsPerRequest: 200,
  templateBytes: 64 * 1024,
  depth: 8,
  headers: 50,
  urlLength: 4096,
} as const;

export type Method = (typeof METHODS)[number];
export type Format = (typeof FORMATS)[number];
export type DateFormat = (typeof DATE_FORMATS)[number];
export type HashType = (typeof HASH_TYPES)[number];

const PLAIN_NAME = /^[A-Za-z0-9_.-]+$/;
// Square brackets are refused inside {{ }}: form and GET receivers (qs, PHP) would read
// `a[b]` as a nested key.
const BRACKETED_NAME = /^\{\{([^{}[\]]+)\}\}$/;
export const NAME_MESSAGE = "use Latin letters, digits, _ - . or wrap the name in {{ }}";

/** The name as it is sent: the text inside `{{ }}` for bracketed names, else the name itself. */
export function sentParamName(name: string): string {
  const bracketed = BRACKETED_NAME.exec(name);
  return bracketed ? (bracketed[1] ?? "").trim() : name;
}

export function isValidParamName(name: string): boolean {
  if (PLAIN_NAME.test(name)) return true;
  const bracketed = BRACKETED_NAME.exec(name);
  return Boolean(bracketed?.[1]?.trim());
}

const encoder = new TextEncoder();
function fitsTemplateLimit(value: string): boolean {
  // A UTF-16 unit encodes to at most 3 bytes, so most templates need no encoding to decide.
  if (value.length * 3 <= LIMITS.templateBytes) return true;
  return encoder.encode(value).length <= LIMITS.templateBytes;
}

const template = z.string().refine(fitsTemplateLimit, "use at most 64 KiB");

const paramName = z
  .string()
  .min(1, "enter a name")
  .max(200, "use at most 200 characters")
  .refine(isValidParamName, NAME_MESSAGE);

export type Param =
  | { name: string; type: "text"; value: string }
  | { name: string; type: HashType; value: string }
  | { name: string; type: "array"; items: ArrayItem[] }
  | { name: string; type: "object"; fields: Param[] };

/** An array item is a template, or (for APIs such as GA4's `events`) an object of parameters. */
export type ArrayItem = string | { type: "object"; fields: Param[] };

export const paramSchema: z.ZodType<Param> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ name: paramName, type: z.literal("text"), value: template }).strict(),
    z.object({ name: paramName, type: z.enum(HASH_TYPES), value: template }).strict(),
    z
      .object({
        name: paramName,
        type: z.literal("array"),
        items: z.array(arrayItemSchema).max(LIMITS.paramsPerRequest),
      })
      .strict(),
    z
      .object({
        name: paramName,
        type: z.literal("object"),
        fields: z.array(paramSchema).max(LIMITS.paramsPerRequest),
      })
      .strict(),
  ]),
);

const arrayItemSchema: z.ZodType<ArrayItem> = z.lazy(() =>
  z.union([
    template,
    z.object({ type: z.literal("object"), fields: z.array(paramSchema) }).strict(),
  ]),
);

const headerSchema = z
  .object({
    name: z
      .string()
      .min(1, "enter a header name")
      .max(200, "use at most 200 characters")
      .regex(
        /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/,
        "a header name is letters, digits and - without spaces",
      ),
    value: template.refine(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
      (v) => !/[\x00-\x08\x0a-\x1f\x7f]/.test(v),
      "a header value cannot contain line breaks or control characters",
    ),
  })
  .strict();

/** Checks the URL with its placeholders stood in by a harmless value: only the host must be literal. */
function checkUrl(url: string, ctx: z.RefinementCtx) {
  const hostPart = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? "";
  if (hostPart.includes("{{")) {
    ctx.addIssue({ code: "custom", message: "the host cannot come from a variable" });
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{\{[^{}]*\}\}/g, "x"));
  } catch {
    ctx.addIssue({
      code: "custom",
      message: "enter an absolute URL like https://crm.example.com/hooks",
    });
    return;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    ctx.addIssue({ code: "custom", message: "use an http:// or https:// URL" });
  } else if (parsed.username || parsed.password) {
    ctx.addIssue({ code: "custom", message: "put credentials in a header, not in the URL" });
  }
}

const requestBaseSchema = z
  .object({
    // An existing request's id keeps its identity, and its delivery history, across edits.
    id: z.string().min(1).max(100).optional(),
    url: z
      .string()
      .trim()
      .min(1, "enter the URL")
      .max(LIMITS.urlLength, "use at most 4096 characters")
      .superRefine(checkUrl),
    method: z.enum(METHODS, "choose GET, POST or PUT"),
    format: z.enum(FORMATS, "choose json, raw, json-rpc or form").default("json"),
    dateFormat: z
      .enum(DATE_FORMATS, "choose standard, iso8601, unix, unix_ms or dmy")
      .default("standard"),
    // Omitted headers get the automatic Content-Type; a given list, even empty, is kept as is.
    headers: z.array(headerSchema).max(LIMITS.headers, "use at most 50 headers").optional(),
    params: z.array(paramSchema).default([]),
    body: template.optional(),
    rpcMethod: z.string().trim().max(200, "use at most 200 characters").optional(),
    timeoutMs: z
      .number()
      .int("use whole milliseconds")
      .min(1000, "use at least 1 s")
      .max(30_000, "use at most 30 s")
      .default(10_000),
    retry: z
      .object({
        attempts: z
          .number()
          .int()
          .min(1, "use 1 to 10 attempts")
          .max(10, "use 1 to 10 attempts")
          .default(4),
        schedule: z.enum(RETRY_SCHEDULES).default("exponential"),
      })
      .strict()
      .default({ attempts: 4, schedule: "exponential" }),
    signing: z
      .object({ enabled: z.boolean(), secret: z.string().optional() })
      .strict()
      .default({ enabled: false }),
    // Read-only fields of a stored request are accepted back (GET, change, PUT) and ignored.
    position: z.number().int().optional(),
    paused: z.object({ at: z.string(), reason: z.string() }).optional(),
  })
  .strict();

type PathPart = string | number;

/** Every parameter node with its path, for checks that span the whole tree. */
export function walkParams(
  params: Param[],
  visit: (
    param: Param | { type: "object"; fields: Param[] },
    path: PathPart[],
    depth: number,
  ) => void,
  base: PathPart[] = ["params"],
  depth = 1,
) {
  params.forEach((param, index) => {
    const path = [...base, index];
    visit(param, path, depth);
    if (param.type === "object") walkParams(param.fields, visit, [...path, "fields"], depth + 1);
    if (param.type === "array") {
      param.items.forEach((item, itemIndex) => {
        if (typeof item === "string") return;
        const itemPath = [...path, "items", itemIndex];
        walkParams(item.fields, visit, [...itemPath, "fields"], depth + 2);
      });
    }
  });
}

/** The Content-Type a request gets unless the admin edits or deletes it; null for GET. */
export function defaultContentType(method: Method, format: Format): string | null {
  if (method === "GET") return null;
  switch (format) {
    case "json":
    case "json-rpc":
      return "application/json; charset=utf-8";
    case "form":
      return "application/x-www-form-urlencoded";
    case "raw":
      return "text/plain; charset=utf-8";
  }
}

export function defaultHeaders(
  method: Method,
  format: Format,
): Array<{ name: string; value: string }> {
  const contentType = defaultContentType(method, format);
  return contentType ? [{ name: "Content-Type", value: contentType }] : [];
}

const requestWithHeadersSchema = requestBaseSchema.transform(
  ({ headers, position: _position, paused: _paused, signing, ...request }) => ({
    ...request,
    headers: headers ?? defaultHeaders(request.method, request.format),
    signing: { enabled: signing.enabled },
  }),
);

// Whole-tree checks run only on an otherwise valid value: with a child already failing, zod
// skips transforms and the value is not in its parsed shape.
export const ONLY_WHEN_VALID = {
  when: (payload: { issues: unknown[] }) => payload.issues.length === 0,
};

export const webhookRequestSchema = requestWithHeadersSchema.superRefine((request, ctx) => {
  let count = 0;
  walkParams(request.params, (_param, path, depth) => {
    count += 1;
    if (depth > LIMITS.depth) {
      ctx.addIssue({
        code: "custom",
        path,
        message: `nest parameters at most ${LIMITS.depth} levels deep`,
      });
    }
  });
  if (count > LIMITS.paramsPerRequest) {
    ctx.addIssue({
      code: "custom",
      path: ["params"],
      message: `use at most ${LIMITS.paramsPerRequest} parameters`,
    });
  }
  if (request.format === "json-rpc" && request.method !== "GET" && !request.rpcMethod) {
    ctx.addIssue({ code: "custom", path: ["rpcMethod"], message: "enter the JSON-RPC method" });
  }
}, ONLY_WHEN_VALID);

export type WebhookRequestInput = z.input<typeof webhookRequestSchema>;
export type WebhookRequestConfig = z.output<typeof webhookRequestSchema>;

export const conditionsSchema = z
  .object({
    employeeNumbers: z.array(z.string().trim().min(1).max(50)).max(500).default([]),
    departments: z.array(z.string().trim().min(1).max(200)).max(500).default([]),
    dispositions: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
    minDurationSec: z
      .number()
      .int()
      .min(0, "use 0 or more seconds")
      .max(86_400)
      .nullable()
      .default(null),
  })
  .strict();

export type Conditions = z.output<typeof conditionsSchema>;

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
    if (param.type === "text" || (HASH_TYPES as readonly string[]).includes(param.type)) {
      out.push({ path: [...path, "value"], template: (param as { value: string }).value });
    }
    if (param.type === "array") {
      param.items.forEach((item, i) => {
        if (typeof item === "string") out.push({ path: [...path, "items", i], template: item });
      });
    }
  });
  if (request.body !== undefined) out.push({ path: ["body"], template: request.body });
  return out;
}

/** Why a template cannot use the variable at this trigger type, or null when it can. */
export function variableProblem(name: string, trigger: TriggerType): string | null {
  const variable = findVariable(name);
  if (!variable) return `unknown variable {{${name}}}`;
  if (variable.triggers.includes(trigger)) return null;
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

const eventBaseSchema = z
  .object({
    name: z.string().trim().min(1, "enter a name").max(100, "use at most 100 characters"),
    type: z.enum(TRIGGER_TYPES, "choose one of the event types"),
    enabled: z.boolean().default(true),
    conditions: conditionsSchema.default({
      employeeNumbers: [],
      departments: [],
      dispositions: [],
      minDurationSec: null,
    }),
    requests: z
      .array(webhookRequestSchema)
      .min(1, "add at least one webhook request")
      .max(LIMITS.requestsPerEvent, `use at most ${LIMITS.requestsPerEvent} webhook requests`),
  })
  .strict();

export const webhookEventSchema = eventBaseSchema.superRefine((event, ctx) => {
  event.requests.forEach((request, index) => {
    for (const problem of findVariableProblems(request, event.type)) {
      ctx.addIssue({
        code: "custom",
        path: ["requests", index, ...problem.path],
        message: problem.message,
      });
    }
  });
}, ONLY_WHEN_VALID);

// No defaults here: a field left out of a PATCH is left as it is.
export const webhookEventPatchSchema = z
  .object({
    name: eventBaseSchema.shape.name.optional(),
    enabled: z.boolean().optional(),
    conditions: conditionsSchema.optional(),
  })
  .strict();

export type WebhookEventInput = z.input<typeof webhookEventSchema>;
export type WebhookEventConfig = z.output<typeof webhookEventSchema>;

export const copyRequestSchema = z
  .object({
    type: z.enum(TRIGGER_TYPES, "choose one of the event types"),
    name: z
      .string()
      .trim()
      .min(1, "enter a name")
      .max(100, "use at most 100 characters")
      .optional(),
    removeMissing: z.boolean().default(false),
  })
  .strict();
