// Pure helpers shared by the server page and the client: what the URL's filter means, what was
// dropped from it and why.
import type { DeliveryFilter } from "@/lib/delivery-log/contract";
import {
  type DeliveryFilterKey,
  filterToSearchParams,
  parseDeliveryFilter,
  withoutCursor,
} from "@/lib/delivery-log/filters";
import type { WebhookEventDto } from "@/lib/webhooks/serializers";

export type View = "short" | "full";

/** The events (and their requests) the filter selects may name. */
export type EventOption = {
  id: string;
  name: string;
  /** The trigger type id; the page words it in the interface language. */
  type: string;
  trigger: { group: string; label: string };
  requests: Array<{ id: string; method: string; url: string }>;
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The URL's filter with what cannot be right left out: values the schema refuses, and an event
 * or request that is not (or no longer) in this project.
 */
export function readFilter(
  params: Params,
  events: EventOption[],
): { filter: DeliveryFilter; dropped: DeliveryFilterKey[]; view: View } {
  const { filter, dropped } = parseDeliveryFilter(params);
  const next: DeliveryFilter = { ...filter };
  const event = next.eventId ? events.find((e) => e.id === next.eventId) : undefined;
  if (next.eventId && !event) {
    delete next.eventId;
    dropped.push("eventId");
  }
  if (next.requestId) {
    const pool = event ? event.requests : events.flatMap((e) => e.requests);
    if (!pool.some((r) => r.id === next.requestId)) {
      delete next.requestId;
      dropped.push("requestId");
    }
  }
  const raw = params instanceof URLSearchParams ? params.get("view") : params.view;
  const view: View = (Array.isArray(raw) ? raw[0] : raw) === "full" ? "full" : "short";
  return { filter: next, dropped, view };
}

/** The page URL of a filter and view; the cursor never goes in (Load more is not a link). */
export function filterHref(pathname: string, filter: DeliveryFilter, view: View): string {
  const params = filterToSearchParams(withoutCursor(filter));
  if (view === "full") params.set("view", "full");
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** The filter's query string without the cursor: one list (and one cache entry) per filter. */
export function filterQuery(filter: DeliveryFilter): string {
  return filterToSearchParams(withoutCursor(filter)).toString();
}

export function toEventOptions(events: WebhookEventDto[]): EventOption[] {
  return events.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    trigger: e.trigger,
    requests: e.requests.map((r) => ({ id: r.id, method: r.method, url: r.url })),
  }));
}

/** True when the filter narrows the list beyond the page's own defaults. */
export function isFiltered(filter: DeliveryFilter, ignore: DeliveryFilterKey[] = []): boolean {
  return Object.entries(withoutCursor(filter)).some(
    ([key, value]) =>
      !ignore.includes(key as DeliveryFilterKey) && value !== undefined && value !== false,
  );
}

/** What a delivery log adds to the URL's filter: its event, every result, checked failures too. */
export function logFilter(urlFilter: DeliveryFilter, eventId: string): DeliveryFilter {
  const { eventId: _event, includeChecked: _checked, ...rest } = urlFilter;
  const result = rest.result ?? "all";
  return { ...rest, eventId, result, ...(result === "failed" ? { includeChecked: true } : {}) };
}
