// One filter schema for the error check page's URL, the delivery log, the API query string and
// bulk actions' `{ filter }` bodies. Free of server imports: the page's client code uses it too.
import { z } from "zod";
import { isStorableText, UNSTORABLE_MESSAGE } from "../model/call-limits";
import { decodeCursor } from "./cursor";

/** Status class or error kind, one value of the "status" filter. */
export type StatusFilter =
  | "4xx"
  | "5xx"
  | "timeout"
  | "connection"
  | "dns"
  | "tls"
  | "redirect"
  | "blocked_target"
  | "other";

export const STATUS_FILTERS = [
  "4xx",
  "5xx",
  "timeout",
  "connection",
  "dns",
  "tls",
  "redirect",
  "blocked_target",
  "other",
] as const satisfies readonly StatusFilter[];

export const MAX_SEARCH_LENGTH = 200;
/** Rows per page of the API, the error check page and the delivery log. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
/** Undo hands back the ids one Checked marked; past this many it is not offered (the body would be too big). */
export const MAX_UNDO_IDS = 20_000;

const DATE_MESSAGE = "use a date (yyyy-mm-dd) or an ISO date-time with a time zone";
const date = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: DATE_MESSAGE });
const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "not a valid id" });

// Query strings carry text; JSON bodies may send a real boolean.
const booleanParam = z.union(
  [
    z.boolean(),
    z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1"),
  ],
  { error: "use true or false" },
);

export const deliveryFilterSchema = z
  .object({
    /** Created at or after: a date is the start of that day in the project's time zone. */
    from: date.optional(),
    /** Created before: a date includes that whole day (project time zone); a date-time is exclusive. */
    to: date.optional(),
    eventId: id.optional(),
    requestId: id.optional(),
    status: z.enum(STATUS_FILTERS, { error: `use one of ${STATUS_FILTERS.join(", ")}` }).optional(),
    /** Text in the request URL, the call id or the caller. */
    q: z
      .string()
      .trim()
      .min(1)
      .max(MAX_SEARCH_LENGTH)
      .refine(isStorableText, UNSTORABLE_MESSAGE)
      .optional(),
    /** Failed deliveries already marked checked too (result=failed only). */
    includeChecked: booleanParam.optional(),
    /** failed (the error check page, the default) or all (the per-event delivery log). */
    result: z.enum(["failed", "all"], { error: "use failed or all" }).optional(),
    cursor: z
      .string()
      .refine((value) => decodeCursor(value) !== null, { error: "not a cursor from this list" })
      .optional(),
  })
  .strict();

/** Filters as they live in the page URL and the API query string (all optional). */
export type DeliveryFilter = z.output<typeof deliveryFilterSchema>;
export type DeliveryFilterKey = keyof typeof deliveryFilterSchema.shape;

export type BulkTarget = { ids: string[] } | { filter: DeliveryFilter };
export const FILTER_KEYS: readonly DeliveryFilterKey[] = deliveryFilterSchema.keyof().options;

type SearchParamsLike =
  | URLSearchParams
  | Record<string, string | readonly string[] | undefined>
  | null
  | undefined;

function firstValue(params: SearchParamsLike, key: string): string | undefined {
  if (!params) return undefined;
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return typeof value === "string" ? value : value?.[0];
}

/**
 * The filter of a page URL. An invalid value (a bad date, an unknown status, a mangled cursor)
 * is left out and its parameter named in `dropped`, so the page shows the list with that filter
 * cleared and a notice instead of an error. Unknown parameters (the page's own, like a view
 * switch) are ignored. Empty values count as absent.
 */
export function parseDeliveryFilter(params: SearchParamsLike): {
  filter: DeliveryFilter;
  dropped: DeliveryFilterKey[];
} {
  const valid: Record<string, string> = {};
  const dropped: DeliveryFilterKey[] = [];
  for (const key of FILTER_KEYS) {
    const raw = firstValue(params, key);
    if (raw === undefined || raw.trim() === "") continue;
    if (deliveryFilterSchema.shape[key].safeParse(raw).success) valid[key] = raw;
    else dropped.push(key);
  }
  // Fields do not depend on each other, so the values that passed one by one pass together.
  return { filter: deliveryFilterSchema.parse(valid), dropped };
}

/** The filter as URL search parameters, in a stable order, without empty or default values. */
export function filterToSearchParams(filter: DeliveryFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === "" || value === false) continue;
    params.set(key, String(value));
  }
  return params;
}

/** The same filter without its cursor: what bulk actions, the export and counts act on. */
export function withoutCursor(filter: DeliveryFilter): DeliveryFilter {
  const { cursor: _cursor, ...rest } = filter;
  return rest;
}

export const MAX_BULK_IDS = 1000;

const bulkIdsSchema = z.object({ ids: z.array(id).min(1).max(MAX_BULK_IDS) }).strict();
const bulkFilterSchema = z.object({ filter: deliveryFilterSchema }).strict();

/** The `{ ids }` body of an undo. */
export function parseBulkIds(body: unknown): { ids: string[] } {
  return bulkIdsSchema.parse(body ?? {});
}

/**
 * A bulk action's target from a request body: `{ ids }` (the selected rows) or `{ filter }`
 * (every row matching it). Throws a ZodError naming the field, so the API answers 422.
 */
export function parseBulkTarget(body: unknown): BulkTarget {
  if (typeof body === "object" && body !== null && "filter" in body) {
    return bulkFilterSchema.parse(body);
  }
  return bulkIdsSchema.parse(body ?? {});
}
