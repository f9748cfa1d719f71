import { db } from "../db/client";
import { AppError } from "../errors";
import type { DeliveryFilter } from "./contract";
import { type DeliveryFilterKey, parseDeliveryFilter } from "./filters";

/** The filter's event and request ids that are not the project's (deleted, or never were). */
export async function unknownReferences(
  projectId: string,
  filter: DeliveryFilter,
): Promise<DeliveryFilterKey[]> {
  const [event, request] = await Promise.all([
    filter.eventId
      ? db.webhookEvent.findFirst({
          where: { id: filter.eventId, projectId },
          select: { id: true },
        })
      : true,
    filter.requestId
      ? db.webhookRequest.findFirst({
          where: { id: filter.requestId, event: { projectId } },
          select: { id: true },
        })
      : true,
  ]);
  const unknown: DeliveryFilterKey[] = [];
  if (!event) unknown.push("eventId");
  if (!request) unknown.push("requestId");
  return unknown;
}

/**
 * The page's filter: parsed from the URL, with invalid values and ids of events or requests the
 * project does not have dropped (and named in `dropped`, for the "filter cleared" notice).
 */
export async function resolveDeliveryFilter(
  projectId: string,
  params: Parameters<typeof parseDeliveryFilter>[0],
): Promise<{ filter: DeliveryFilter; dropped: DeliveryFilterKey[] }> {
  const { filter, dropped } = parseDeliveryFilter(params);
  const unknown = await unknownReferences(projectId, filter);
  const kept: DeliveryFilter = { ...filter };
  for (const key of unknown) delete kept[key];
  return { filter: kept, dropped: [...dropped, ...unknown] };
}

/**
 * For the API: an event or request id the project does not have is a 422 naming it (`prefix`
 * places it in a body, e.g. "filter.").
 */
export async function assertKnownReferences(
  projectId: string,
  filter: DeliveryFilter,
  prefix = "",
) {
  const [key] = await unknownReferences(projectId, filter);
  if (key) {
    const field = `${prefix}${key}`;
    throw new AppError(
      "validation_failed",
      { key: "unknownReference", values: { field, reference: key } },
      field,
    );
  }
}
