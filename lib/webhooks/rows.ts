import { z } from "zod";
import type { WebhookEvent, WebhookRequest } from "../generated/prisma/client";
import {
  type Conditions,
  conditionsSchema,
  DATE_FORMATS,
  type DateFormat,
  emptyConditions,
  FORMATS,
  type Format,
  headerSchema,
  METHODS,
  type Method,
  type Param,
  paramSchema,
  RETRY_SCHEDULES,
  type RetrySchedule,
} from "../model/event-schema";
import { isSecretHeader } from "../model/sensitive";
import { parseColumn } from "../model/stored";
import { TRIGGER_TYPES, type TriggerType } from "../model/trigger-types";
import { openNullableSecret, openSecret } from "../secrets/cipher";

// Rows come back from Prisma with text for enums and JSON for lists. They are parsed here, once,
// with the schemas every write went through, so the rest of the code holds typed values.

const methodColumn = z.enum(METHODS);
const formatColumn = z.enum(FORMATS);
const dateFormatColumn = z.enum(DATE_FORMATS);
// Secret values are stored sealed (lib/secrets/cipher.ts) and opened here, before the schema
// checks them; rows saved before the flag existed take it from the name rule.
const headersColumn = z
  .array(headerSchema.extend({ value: z.string() }))
  .transform((headers) => headers.map((header) => ({ ...header, value: openSecret(header.value) })))
  .pipe(z.array(headerSchema))
  .transform((headers) => headers.map((header) => ({ ...header, secret: isSecretHeader(header) })));
const paramsColumn = z.array(paramSchema);
const retryScheduleColumn = z.enum(RETRY_SCHEDULES);
const triggerTypeColumn = z.enum(TRIGGER_TYPES);
// Null (never set) means no conditions; a stored object has every field the schema fills in.
const conditionsColumn = conditionsSchema
  .nullable()
  .transform((value) => value ?? emptyConditions());

export type WebhookRequestRow = Omit<
  WebhookRequest,
  "method" | "format" | "dateFormat" | "headers" | "params" | "retrySchedule"
> & {
  method: Method;
  format: Format;
  dateFormat: DateFormat;
  headers: Array<{ name: string; value: string; secret: boolean }>;
  params: Param[];
  retrySchedule: RetrySchedule;
};

/** A webhook request row with its enum and JSON columns parsed; a corrupt one names its column. */
export function parseWebhookRequestRow(row: WebhookRequest): WebhookRequestRow {
  const ref = { table: "WebhookRequest", id: row.id };
  return {
    ...row,
    method: parseColumn(methodColumn, row.method, ref, "method"),
    format: parseColumn(formatColumn, row.format, ref, "format"),
    dateFormat: parseColumn(dateFormatColumn, row.dateFormat, ref, "dateFormat"),
    headers: parseColumn(headersColumn, row.headers, ref, "headers"),
    params: parseColumn(paramsColumn, row.params, ref, "params"),
    retrySchedule: parseColumn(retryScheduleColumn, row.retrySchedule, ref, "retrySchedule"),
    signingSecret: openNullableSecret(row.signingSecret),
    previousSigningSecret: openNullableSecret(row.previousSigningSecret),
  };
}

/** Only the headers column of a request row (what a save needs to keep masked values). */
export function parseStoredHeaders(row: Pick<WebhookRequest, "id" | "headers">) {
  return parseColumn(
    headersColumn,
    row.headers,
    { table: "WebhookRequest", id: row.id },
    "headers",
  );
}

type EventColumns = Pick<WebhookEvent, "id" | "triggerType" | "conditions">;

/**
 * A webhook event row (or any selection with its id, trigger type and conditions) with the
 * trigger type and conditions parsed.
 */
export function parseWebhookEventRow<R extends EventColumns>(
  row: R,
): Omit<R, "triggerType" | "conditions"> & { triggerType: TriggerType; conditions: Conditions } {
  const ref = { table: "WebhookEvent", id: row.id };
  return {
    ...row,
    triggerType: parseColumn(triggerTypeColumn, row.triggerType, ref, "triggerType"),
    conditions: parseColumn(conditionsColumn, row.conditions, ref, "conditions"),
  };
}
