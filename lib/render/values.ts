import type { CallData } from "../model/call-event";
import { type CatalogVariable, findVariable, type VariableType } from "../model/catalog";
import type { DateFormat } from "../model/event-schema";
import { parseTemplate, singlePlaceholder } from "../model/template";
import { formatInstant, parseInstant } from "./dates";
import type { Lookup, RenderContext, Scalar } from "./types";

/** Where each catalog variable with `source: "context"` comes from. */
export const CONTEXT_VALUES: Readonly<Record<string, (context: RenderContext) => unknown>> = {
  project_id: (context) => context.projectId,
  event_type: (context) => context.eventType,
  event_time: (context) => context.eventTime,
  delivery_id: (context) => context.deliveryId,
  ga_measurement_id: (context) => context.gaMeasurementId,
  ga_api_secret: (context) => context.gaApiSecret,
};

/**
 * Resolves variables for one request: context variables from the context, the rest from the
 * call. A variable the call lacks is null; an unknown name (validation keeps them out) is "".
 * Each name is resolved once per request, as a date may stand in many places.
 */
export function createLookup(
  call: Partial<CallData>,
  context: RenderContext,
  dateFormat: DateFormat,
): Lookup {
  const resolved = new Map<string, Scalar>();
  return (name) => {
    const known = resolved.get(name);
    if (known !== undefined) return known;
    const variable = findVariable(name);
    const value = variable
      ? typeValue(rawValue(variable, call, context), variable.type, dateFormat, context.timeZone)
      : "";
    resolved.set(name, value);
    return value;
  };
}

function rawValue(
  variable: CatalogVariable,
  call: Partial<CallData>,
  context: RenderContext,
): unknown {
  if (variable.source === "context") return CONTEXT_VALUES[variable.id]?.(context);
  // Own properties only: a call parsed from JSON has no others, and `constructor` is not a call variable.
  return Object.hasOwn(call, variable.id) ? call[variable.id] : undefined;
}

/** A template as text: every placeholder becomes its value's text. */
export function renderText(template: string, lookup: Lookup): string {
  return parseTemplate(template)
    .map((part) => (part.kind === "text" ? part.value : scalarToText(lookup(part.name))))
    .join("");
}

/** A template as a JSON value: exactly one placeholder keeps the variable's type, else text. */
export function renderTyped(template: string, lookup: Lookup): Scalar {
  const name = singlePlaceholder(template);
  return name === null ? renderText(template, lookup) : lookup(name);
}

export function scalarToText(value: Scalar): string {
  return value === null ? "" : String(value);
}

/**
 * Brings a call value to the catalog type where that loses nothing: platforms often post
 * numbers and flags as text (`"184"`, `"true"`), and a json receiver expects the catalog's type.
 * A value that does not read as its type is passed on as it came rather than dropped.
 */
function typeValue(
  raw: unknown,
  type: VariableType,
  dateFormat: DateFormat,
  timeZone: string,
): Scalar {
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case "date": {
      const epochMs =
        typeof raw === "string" || raw instanceof Date ? parseInstant(raw, timeZone) : null;
      return epochMs === null ? toScalar(raw) : formatInstant(epochMs, dateFormat, timeZone);
    }
    case "number":
      return typeof raw === "string" ? (readNumber(raw) ?? raw) : toScalar(raw);
    case "boolean":
      return raw === "true" || raw === "false" ? raw === "true" : toScalar(raw);
    case "string":
    case "url":
      return typeof raw === "number" || typeof raw === "boolean" ? String(raw) : toScalar(raw);
  }
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The number a JSON number literal stands for, unless reading it would round it off. */
function readNumber(text: string): number | null {
  if (!JSON_NUMBER.test(text)) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return null;
  return Number.isInteger(value) && !Number.isSafeInteger(value) ? null : value;
}

function toScalar(raw: unknown): Scalar {
  switch (typeof raw) {
    case "string":
    case "boolean":
      return raw;
    case "number":
      // NaN and Infinity have no JSON form; JSON.stringify would write null for them anyway.
      return Number.isFinite(raw) ? raw : null;
    case "bigint":
      return raw.toString();
    case "object":
      if (raw === null) return null;
      if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString();
      // Not expected from a call event; its JSON text is the most faithful rendering.
      return safeJsonText(raw);
    default:
      return null;
  }
}

function safeJsonText(value: object): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}
