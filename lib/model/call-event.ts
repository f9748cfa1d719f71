import { z } from "zod";
import { CALL_LIMITS, checkCallLimits, isStorableText, UNSTORABLE_MESSAGE } from "./call-limits";
import { CATALOG, type CatalogVariable } from "./catalog";
import { TRIGGER_LABELS, TRIGGER_TYPES, type TriggerType } from "./trigger-types";

export { CALL_LIMITS } from "./call-limits";

export const CALL_TYPES = ["in", "out", "callback"] as const;
export const DISPOSITIONS = [
  "ANSWERED",
  "NO ANSWER",
  "BUSY",
  "FAILED",
  "PROPER",
  "REPEATED",
  "VOICEMAIL",
] as const;

export type CallType = (typeof CALL_TYPES)[number];
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * A call's variables after parsing: catalog values typed, dates as UTC ISO strings, extra fields
 * kept. The renderer takes a `Partial<CallData>`: a preview or a stored call may lack any field.
 */
export type CallData = { uniqueid: string; [field: string]: unknown };
export type CallEvent = { id?: string; type: TriggerType; occurredAt: string; call: CallData };

const DATE_MESSAGE =
  "expected an ISO-8601 date-time with an offset, like 2026-11-27T10:15:04+02:00";

/** ISO-8601 date-time with `Z` or `±hh:mm`; a time without an offset is ambiguous and refused. */
const dateTime = z.iso
  .datetime({ offset: true, error: DATE_MESSAGE })
  .transform((value) => new Date(value).toISOString());

function hasSpaceOrControl(value: string): boolean {
  if (/\s/.test(value)) return true;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function isHttpUrl(value: string): boolean {
  // The URL parser quietly drops tabs and line breaks; such a value is not the URL it claims.
  if (hasSpaceOrControl(value)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

function valueSchema(variable: CatalogVariable): z.ZodType {
  if (variable.id === "call_type") return z.enum(CALL_TYPES, "expected in, out or callback");
  if (variable.id === "disposition") {
    return z.enum(DISPOSITIONS, `expected one of ${DISPOSITIONS.join(", ")}`);
  }
  switch (variable.type) {
    case "string":
      return z.string("expected a string");
    // Every number in the catalog is a count of seconds or a score, so none is negative.
    case "number":
      return z.number("expected a finite number").min(0, "expected 0 or more");
    case "boolean":
      return z.boolean("expected true or false");
    case "date":
      return dateTime;
    case "url":
      return z
        .string("expected a URL")
        .refine(isHttpUrl, "expected an absolute http:// or https:// URL");
  }
}

const uniqueId = z
  .string({
    error: (issue) =>
      issue.input === undefined ? "required: the call's unique id" : "expected a string",
  })
  .min(1, "required: the call's unique id");

function rejected(message: string) {
  return z.never({ error: message }).optional();
}

function buildCallSchema(type: TriggerType) {
  const { group, label } = TRIGGER_LABELS[type];
  const shape: Record<string, z.ZodType> = {};
  for (const variable of CATALOG) {
    if (variable.source === "context") {
      shape[variable.id] = rejected(
        "a context variable: it comes from the project and the delivery, not from the call",
      );
    } else if (!variable.triggers.includes(type)) {
      shape[variable.id] = rejected(`not available for ${group}: ${label}`);
    } else {
      shape[variable.id] = valueSchema(variable).nullable().optional();
    }
  }
  // Extra fields are kept for the log; templates only ever see catalog variables.
  const typed = z.object({ ...shape, uniqueid: uniqueId }).catchall(z.unknown());
  return z
    .record(z.string(), z.unknown(), "expected an object of call variables")
    .superRefine(checkCallLimits)
    .pipe(typed);
}

const CALL_SCHEMAS = new Map(TRIGGER_TYPES.map((type) => [type, buildCallSchema(type)]));

/** The schema of `call` for one trigger type: only the call variables that moment carries. */
export function callSchemaFor(type: TriggerType): z.ZodType<CallData> {
  const schema = CALL_SCHEMAS.get(type);
  if (!schema) throw new Error(`No call schema for trigger type ${type}`);
  return schema;
}

/** Parses call data for a trigger type; throws a ZodError whose paths start inside the call. */
export function parseCallForTrigger(type: TriggerType, call: unknown): CallData {
  return callSchemaFor(type).parse(call);
}

const eventId = z
  .string("expected a string")
  .min(1, "use 1 to 200 characters")
  .max(CALL_LIMITS.idLength, "use 1 to 200 characters")
  .refine(isStorableText, UNSTORABLE_MESSAGE);

function eventSchemaFor(type: TriggerType) {
  return z.strictObject(
    {
      id: eventId.optional(),
      type: z.literal(type),
      occurredAt: dateTime,
      call: callSchemaFor(type),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(", ")}: the body has id, type, occurredAt and call`
          : undefined,
    },
  );
}

const [FIRST_TRIGGER, ...OTHER_TRIGGERS] = TRIGGER_TYPES;

/** The body of `POST /api/v1/call-events`: the call is checked against its trigger type. */
export const callEventSchema: z.ZodType<CallEvent> = z.discriminatedUnion(
  "type",
  [eventSchemaFor(FIRST_TRIGGER), ...OTHER_TRIGGERS.map(eventSchemaFor)],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? `expected one of ${TRIGGER_TYPES.join(", ")}`
        : "expected a JSON object with type, occurredAt and call",
  },
);
