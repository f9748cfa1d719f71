import { z } from "zod";
import { isStorableText } from "./call-limits";
import { REQUEST_DEFAULTS } from "./defaults";
import { recordIdSchema } from "./ids";
import {
  DATE_FORMATS,
  FORMATS,
  type Format,
  LIMITS,
  METHODS,
  type Method,
  paramSchema,
  RETRY_SCHEDULES,
  templateSchema,
  walkParams,
} from "./params-schema";
import { DELIVERY_LIMITS, REQUEST_FIELD_MESSAGES } from "./request-messages";
import { isSecretHeader } from "./sensitive";
import { isSingleLineText, SINGLE_LINE_MESSAGE } from "./text";

/** The request schema's messages a person meets while building a request (the wizard translates them). */
export const REQUEST_MESSAGES = {
  urlRequired: "enter the URL",
  urlAbsolute: "enter an absolute URL like https://crm.example.com/hooks",
  urlScheme: "use an http:// or https:// URL",
  urlVariableHost: "the host cannot come from a variable",
  urlCredentials: "put credentials in a header, not in the URL",
  headerNameRequired: "enter a header name",
  headerNameChars: "a header name is letters, digits and - without spaces",
  headerHost: "the host comes from the URL: remove Host",
  rpcMethodRequired: "enter the JSON-RPC method",
} as const;

const { timeoutMs, attempts, maxInFlight, ratePerSecond } = DELIVERY_LIMITS;

export const headerSchema = z
  .object({
    name: z
      .string()
      .min(1, REQUEST_MESSAGES.headerNameRequired)
      .max(200, "use at most 200 characters")
      .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, REQUEST_MESSAGES.headerNameChars)
      // The receiver's host comes from the URL; a Host header naming another would send the
      // request, past the target check, to whatever virtual host the admin picks on that server.
      .refine((name) => name.toLowerCase() !== "host", REQUEST_MESSAGES.headerHost),
    value: templateSchema.refine(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
      (v) => !/[\x00-\x08\x0a-\x1f\x7f]/.test(v),
      REQUEST_FIELD_MESSAGES.headerValueControl,
    ),
    // Stored encrypted, shown masked, decrypted only to send and for an admin's Reveal. Left
    // out, it follows the name rule (Authorization, names with token, key, secret...).
    secret: z.boolean().optional(),
  })
  .strict();

/** Checks the URL with its placeholders stood in by a harmless value: only the host must be literal. */
function checkUrl(url: string, ctx: z.RefinementCtx) {
  // The URL parser quietly drops tabs and line breaks and encodes the rest: such a value is not
  // the URL the admin sees, and a NUL cannot be stored.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\x00-\x1f\x7f]/.test(url) || !isStorableText(url)) {
    ctx.addIssue({ code: "custom", message: REQUEST_FIELD_MESSAGES.urlControl });
    return;
  }
  const hostPart = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? "";
  if (hostPart.includes("{{")) {
    ctx.addIssue({ code: "custom", message: REQUEST_MESSAGES.urlVariableHost });
    return;
  }
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{\{[^{}]*\}\}/g, "x"));
  } catch {
    ctx.addIssue({
      code: "custom",
      message: REQUEST_MESSAGES.urlAbsolute,
    });
    return;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    ctx.addIssue({ code: "custom", message: REQUEST_MESSAGES.urlScheme });
  } else if (parsed.username || parsed.password) {
    ctx.addIssue({ code: "custom", message: REQUEST_MESSAGES.urlCredentials });
  }
}

const requestBaseSchema = z
  .object({
    // An existing request's id keeps its identity, and its delivery history, across edits.
    id: recordIdSchema.optional(),
    url: z
      .string()
      .trim()
      .min(1, REQUEST_MESSAGES.urlRequired)
      .max(LIMITS.urlLength, "use at most 4096 characters")
      .superRefine(checkUrl),
    method: z.enum(METHODS, REQUEST_FIELD_MESSAGES.methodChoice),
    format: z.enum(FORMATS, REQUEST_FIELD_MESSAGES.formatChoice).default(REQUEST_DEFAULTS.format),
    dateFormat: z
      .enum(DATE_FORMATS, REQUEST_FIELD_MESSAGES.dateFormatChoice)
      .default(REQUEST_DEFAULTS.dateFormat),
    // Omitted headers get the automatic Content-Type; a given list, even empty, is kept as is.
    headers: z
      .array(headerSchema)
      .max(LIMITS.headers, REQUEST_FIELD_MESSAGES.headersTooMany)
      .optional(),
    params: z.array(paramSchema).default([]),
    body: templateSchema.optional(),
    rpcMethod: z
      .string()
      .trim()
      .max(200, "use at most 200 characters")
      .refine(isSingleLineText, SINGLE_LINE_MESSAGE)
      .optional(),
    timeoutMs: z
      .number()
      .int(REQUEST_FIELD_MESSAGES.timeoutWhole)
      .min(timeoutMs.min, REQUEST_FIELD_MESSAGES.timeoutMin)
      .max(timeoutMs.max, REQUEST_FIELD_MESSAGES.timeoutMax)
      .default(REQUEST_DEFAULTS.timeoutMs),
    retry: z
      .object({
        attempts: z
          .number()
          .int()
          .min(attempts.min, REQUEST_FIELD_MESSAGES.attemptsRange)
          .max(attempts.max, REQUEST_FIELD_MESSAGES.attemptsRange)
          .default(REQUEST_DEFAULTS.retry.attempts),
        schedule: z.enum(RETRY_SCHEDULES).default(REQUEST_DEFAULTS.retry.schedule),
      })
      .strict()
      .default(() => ({ ...REQUEST_DEFAULTS.retry })),
    // Politeness towards the receiver's server: at most maxInFlight requests at once and, when
    // set, at most ratePerSecond started per second; what exceeds them waits in the queue.
    delivery: z
      .object({
        maxInFlight: z
          .number()
          .int(REQUEST_FIELD_MESSAGES.wholeNumber)
          .min(maxInFlight.min, REQUEST_FIELD_MESSAGES.inFlightRange)
          .max(maxInFlight.max, REQUEST_FIELD_MESSAGES.inFlightRange)
          .default(REQUEST_DEFAULTS.delivery.maxInFlight),
        ratePerSecond: z
          .number()
          .int(REQUEST_FIELD_MESSAGES.wholeNumber)
          .min(ratePerSecond.min, REQUEST_FIELD_MESSAGES.rateRange)
          .max(ratePerSecond.max, REQUEST_FIELD_MESSAGES.rateRange)
          .nullable()
          .default(REQUEST_DEFAULTS.delivery.ratePerSecond),
      })
      .strict()
      .default(() => ({ ...REQUEST_DEFAULTS.delivery })),
    signing: z
      .object({ enabled: z.boolean(), secret: z.string().optional() })
      .strict()
      .default(() => ({ ...REQUEST_DEFAULTS.signing })),
    // Read-only fields of a stored request are accepted back (GET, change, PUT) and ignored.
    position: z.number().int().optional(),
    paused: z.object({ at: z.string(), reason: z.string() }).optional(),
  })
  .strict();

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
    headers: (headers ?? defaultHeaders(request.method, request.format)).map((header) => ({
      ...header,
      secret: isSecretHeader(header),
    })),
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
        message: REQUEST_FIELD_MESSAGES.nestingTooDeep,
      });
    }
  });
  if (count > LIMITS.paramsPerRequest) {
    ctx.addIssue({
      code: "custom",
      path: ["params"],
      message: REQUEST_FIELD_MESSAGES.paramsTooMany,
    });
  }
  if (request.format === "json-rpc" && request.method !== "GET" && !request.rpcMethod) {
    ctx.addIssue({
      code: "custom",
      path: ["rpcMethod"],
      message: REQUEST_MESSAGES.rpcMethodRequired,
    });
  }
}, ONLY_WHEN_VALID);

export type WebhookRequestInput = z.input<typeof webhookRequestSchema>;
export type WebhookRequestConfig = z.output<typeof webhookRequestSchema>;
