"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { DeliveryFilter } from "@/lib/delivery-log/contract";
import { type EventOption, filterHref, readFilter, type View } from "./filter-state";

export type FilterPatch = { [K in keyof DeliveryFilter]?: DeliveryFilter[K] | undefined };

/**
 * The filter lives in the URL: shareable, and the back button walks through earlier filters.
 * Changes go through the History API, which Next's router follows (useSearchParams updates)
 * without a server round trip; react-query fetches the rows for the new filter.
 */
export function useFilterUrl(events: EventOption[]) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { filter, view } = useMemo(() => readFilter(searchParams, events), [searchParams, events]);

  const go = useCallback(
    (next: DeliveryFilter, nextView: View, mode: "push" | "replace") => {
      const href = filterHref(pathname, next, nextView);
      if (mode === "push") window.history.pushState(null, "", href);
      else window.history.replaceState(null, "", href);
    },
    [pathname],
  );

  const setFilter = useCallback(
    (patch: FilterPatch, mode: "push" | "replace" = "push") => {
      const next: Record<string, unknown> = { ...filter, ...patch };
      for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
      delete next.cursor;
      go(next as DeliveryFilter, view, mode);
    },
    [filter, view, go],
  );

  const resetFilter = useCallback(
    (keep: DeliveryFilter = {}) => go(keep, view, "push"),
    [view, go],
  );
  const setView = useCallback((next: View) => go(filter, next, "replace"), [filter, go]);

  return { filter, view, setFilter, resetFilter, setView, replaceWith: go };
}
