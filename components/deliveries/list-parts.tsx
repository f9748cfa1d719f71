"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** "1,204 failed webhooks match · 50 shown", announced when it changes. */
export function ListStatus({
  total,
  loaded,
  filtered,
  fetching,
  noun,
}: {
  total: number;
  loaded: number;
  filtered: boolean;
  fetching: boolean;
  noun: (count: number) => string;
}) {
  const t = useTranslations("list");
  const format = useFormatter();
  return (
    <p className="text-sm text-slate-600" aria-live="polite" data-testid="list-total">
      <span className="font-semibold text-slate-900 tabular-nums">{noun(total)}</span>
      {filtered ? t("matchFilters") : ""}
      {loaded > 0 && loaded < total ? (
        <span className="text-slate-500">{t("shown", { count: format.number(loaded) })}</span>
      ) : null}
      {fetching ? (
        <span
          aria-hidden
          className="ml-2 inline-block size-3 animate-spin rounded-full border-2 border-slate-300 border-r-transparent align-[-1px]"
        />
      ) : null}
    </p>
  );
}

type PagedList = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** Keyset paging: the next 50 rows come after the last one shown, whatever was added meanwhile. */
export function ListFooter({
  list,
  loaded,
  total,
}: {
  list: PagedList;
  loaded: number;
  total: number;
}) {
  const t = useTranslations("list");
  const format = useFormatter();
  if (!list.hasNextPage) return null;
  const next = Math.min(50, total - loaded);
  return (
    <div className="flex items-center justify-between gap-3 border-t border-slate-200 bg-slate-50/60 px-4 py-3">
      <p className="text-xs text-slate-500 tabular-nums">
        {t("shownOf", { loaded: format.number(loaded), total: format.number(total) })}
      </p>
      <Button
        variant="secondary"
        onClick={() => list.fetchNextPage()}
        pending={list.isFetchingNextPage}
      >
        {t("loadMore", { count: Math.max(next, 0) })}
      </Button>
    </div>
  );
}
