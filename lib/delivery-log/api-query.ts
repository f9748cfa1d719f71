import { AppError } from "../errors";
import type { DeliveryFilter } from "./contract";
import { DEFAULT_PAGE_SIZE, deliveryFilterSchema, FILTER_KEYS, MAX_PAGE_SIZE } from "./filters";

/**
 * The API's reading of the filter query string: strict where the page is forgiving. An unknown
 * or repeated parameter, or an invalid value, is a 422 that names the parameter.
 */
export function parseDeliveryQuery(
  params: URLSearchParams,
  options: { paging?: boolean } = {},
): { filter: DeliveryFilter; limit: number } {
  const allowed = new Set<string>([...FILTER_KEYS, ...(options.paging ? ["limit"] : [])]);
  const values: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    if (!allowed.has(key)) {
      throw new AppError("validation_failed", `${key}: unknown query parameter`, key);
    }
    const all = params.getAll(key);
    if (all.length > 1) {
      throw new AppError("validation_failed", `${key}: give this parameter once`, key);
    }
    const value = all[0] ?? "";
    if (value.trim() !== "") values[key] = value;
  }
  const { limit: rawLimit, ...rest } = values;
  let limit = DEFAULT_PAGE_SIZE;
  if (rawLimit !== undefined) {
    limit = Number(rawLimit);
    if (!/^\d+$/.test(rawLimit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new AppError(
        "validation_failed",
        `limit: use a whole number from 1 to ${MAX_PAGE_SIZE}`,
        "limit",
      );
    }
  }
  return { filter: deliveryFilterSchema.parse(rest), limit };
}

const chartQuerySchema = deliveryFilterSchema
  .pick({ from: true, to: true, eventId: true })
  .strict();

/** `from`, `to` (UTC when a bare date) and `eventId` of the hourly chart; strict like the list. */
export function parseChartQuery(params: URLSearchParams): {
  from?: string;
  to?: string;
  eventId?: string;
} {
  const values: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    if (!(key in chartQuerySchema.shape)) {
      throw new AppError("validation_failed", `${key}: unknown query parameter`, key);
    }
    if (params.getAll(key).length > 1) {
      throw new AppError("validation_failed", `${key}: give this parameter once`, key);
    }
    const value = params.get(key) ?? "";
    if (value.trim() !== "") values[key] = value;
  }
  return chartQuerySchema.parse(values);
}
