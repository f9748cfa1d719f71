import { AppError } from "../errors";
import type { DeliveryFilter, DeliveryPage } from "./contract";
import { decodeCursor, encodeCursor } from "./cursor";
import { DEFAULT_PAGE_SIZE, deliveryFilterSchema, MAX_PAGE_SIZE } from "./filters";
import { countDeliveries, deliveryWhere, resolveDateRange, selectDeliveryItems } from "./query";

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./filters";

/**
 * One page of the project's deliveries matching the filter, newest first, with keyset
 * pagination on (createdAt desc, id desc) and the total count of matching rows. The default is
 * the error check page's list: failed and not yet checked.
 */
export async function listDeliveries(
  projectId: string,
  filter: DeliveryFilter = {},
  limit = DEFAULT_PAGE_SIZE,
): Promise<DeliveryPage> {
  const parsed = deliveryFilterSchema.parse(filter);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError(
      "validation_failed",
      `limit: use a whole number from 1 to ${MAX_PAGE_SIZE}`,
      "limit",
    );
  }
  const after = parsed.cursor ? decodeCursor(parsed.cursor) : null;
  const range = await resolveDateRange(projectId, parsed);
  const [rows, total] = await Promise.all([
    selectDeliveryItems(deliveryWhere(projectId, parsed, range, after), limit + 1),
    countDeliveries(deliveryWhere(projectId, parsed, range)),
  ]);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id })
      : null;
  return { items, nextCursor, total };
}
