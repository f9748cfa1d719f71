import { z } from "zod";
import { isStorableText, UNSTORABLE_MESSAGE } from "./call-limits";
import { isSingleLineText } from "./text";

// The request model's vocabulary and its parameter tree.

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
export type RetrySchedule = (typeof RETRY_SCHEDULES)[number];

const PLAIN_NAME = /^[A-Za-z0-9_.-]+$/;
// Square brackets are refused inside {{ }}: form and GET receivers (qs, PHP) would read
// `a[b]` as a nested key.
const BRACKETED_NAME = /^\{\{([^{}[\]]+)\}\}$/;
export const NAME_MESSAGE = "use Latin letters, digits, _ - . or wrap the name in {{ }}";

/** Other messages of the parameter tree, by their key in messages/*.json (`validation.<key>`). */
export const PARAM_MESSAGES = {
  nameRequired: "enter a name",
  templateTooLong: `use at most ${LIMITS.templateBytes / 1024} KiB`,
} as const;

export const PARAM_MESSAGE_VALUES = { templateTooLong: { kib: LIMITS.templateBytes / 1024 } };

/** The name as it is sent: the text inside `{{ }}` for bracketed names, else the name itself. */
export function sentParamName(name: string): string {
  const bracketed = BRACKETED_NAME.exec(name);
  return bracketed ? (bracketed[1] ?? "").trim() : name;
}

export function isValidParamName(name: string): boolean {
  if (PLAIN_NAME.test(name)) return true;
  const bracketed = BRACKETED_NAME.exec(name);
  return Boolean(bracketed?.[1]?.trim()) && isSingleLineText(name);
}

const encoder = new TextEncoder();
function fitsTemplateLimit(value: string): boolean {
  // A UTF-16 unit encodes to at most 3 bytes, so most templates need no encoding to decide.
  if (value.length * 3 <= LIMITS.templateBytes) return true;
  return encoder.encode(value).length <= LIMITS.templateBytes;
}

// Line breaks and tabs are fine in a template (a raw body has them); NUL and lone surrogates are
// not: PostgreSQL's jsonb refuses them, and a lone surrogate would be sent as U+FFFD.
export const templateSchema = z
  .string()
  .refine(fitsTemplateLimit, PARAM_MESSAGES.templateTooLong)
  .refine(isStorableText, UNSTORABLE_MESSAGE);

const paramName = z
  .string()
  .min(1, PARAM_MESSAGES.nameRequired)
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
    z.object({ name: paramName, type: z.literal("text"), value: templateSchema }).strict(),
    z.object({ name: paramName, type: z.enum(HASH_TYPES), value: templateSchema }).strict(),
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
    templateSchema,
    z.object({ type: z.literal("object"), fields: z.array(paramSchema) }).strict(),
  ]),
);

export type PathPart = string | number;

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
