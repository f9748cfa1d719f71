"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { HourlyBucket } from "@/lib/delivery-log/contract";
import type { DeliveryFilterKey } from "@/lib/delivery-log/filters";
import { DeliveriesPanel } from "./deliveries-panel";
import { type EventOption, filterHref, isFiltered } from "./filter-state";
import { FiltersBar } from "./filters-bar";
import { HourlyChart } from "./hourly-chart";
import { DownloadIcon } from "./icons";
import { type InitialPage, useHourlyCounts } from "./use-deliveries";
import { useFilterUrl } from "./use-filter-url";

export type ChartSeed = {
  from: string;
  to: string;
  buckets: HourlyBucket[];
  eventId?: string;
  renderedAt: number;
};

type Props = {
  projectId: string;
  canEdit: boolean;
  timeZone: string;
  events: EventOption[];
  initial: InitialPage;
  dropped: DeliveryFilterKey[];
  chart: ChartSeed;
};

export function ErrorCheckPage({
  projectId,
  canEdit,
  timeZone,
  events,
  initial,
  dropped,
  chart,
}: Props) {
  const t = useTranslations("errorCheck");
  const { filter, view, setFilter, resetFilter, setView, replaceWith } = useFilterUrl(events);
  const exportHref = filterHref(`/projects/${projectId}/webhooks/errors/export`, filter, "short");

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-500">{t("intro")}</p>
        </div>
        <DownloadLink href={exportHref} />
      </div>

      <DroppedNotice dropped={dropped} onShown={() => replaceWith(filter, view, "replace")} />

      <DeliveriesChart
        projectId={projectId}
        timeZone={timeZone}
        chart={chart}
        eventId={filter.eventId}
        selectedFrom={filter.from?.includes("T") ? filter.from : null}
        onSelectHour={(from, to) => setFilter({ from, to })}
      />

      <FiltersBar filter={filter} events={events} timeZone={timeZone} onChange={setFilter} />

      <DeliveriesPanel
        projectId={projectId}
        canEdit={canEdit}
        timeZone={timeZone}
        filter={filter}
        scope="errors"
        initial={initial}
        view={view}
        onViewChange={setView}
        filtered={isFiltered(filter)}
        onResetFilters={() => resetFilter()}
        bulk
        showEvent
        noun={(count) => t("noun", { count })}
        caption={t("caption")}
        empty={{
          title: t("emptyTitle"),
          text: t("emptyText"),
        }}
      />
    </div>
  );
}

export function DownloadLink({ href }: { href: string }) {
  const t = useTranslations("errorCheck");
  return (
    <a
      href={href}
      download
      className="inline-flex shrink-0 items-center gap-2 rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-xs ring-1 ring-slate-300 ring-inset transition hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      <DownloadIcon />
      {t("downloadCsv")}
    </a>
  );
}

/** Filters of the opened link that could not be used; the address bar already shows them cleared. */
export function DroppedNotice({
  dropped,
  onShown,
}: {
  dropped: DeliveryFilterKey[];
  /** Puts the cleaned filter in the address bar. */
  onShown: () => void;
}) {
  const t = useTranslations("errorCheck");
  const tName = useTranslations("filters.names");
  const [shown, setShown] = useState(dropped);
  // Only for the URL the page was opened with.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once
  useEffect(() => {
    if (dropped.length > 0) onShown();
  }, []);
  if (shown.length === 0) return null;
  return (
    <div className="flex items-start gap-2">
      <div className="flex-1">
        <Alert tone="info">
          {t.rich("dropped", {
            count: shown.length,
            filters: shown.map((key) => tName(key)).join(", "),
            strong: (chunks) => <strong className="font-semibold">{chunks}</strong>,
          })}
        </Alert>
      </div>
      <Button variant="ghost" onClick={() => setShown([])}>
        {t("dismiss")}
      </Button>
    </div>
  );
}

export function DeliveriesChart({
  projectId,
  timeZone,
  chart,
  eventId,
  selectedFrom,
  onSelectHour,
}: {
  projectId: string;
  timeZone: string;
  chart: ChartSeed;
  eventId: string | undefined;
  selectedFrom: string | null;
  onSelectHour: (from: string, to: string) => void;
}) {
  const range = { from: chart.from, to: chart.to, ...(eventId ? { eventId } : {}) };
  const hourly = useHourlyCounts(projectId, range, eventId === chart.eventId ? chart : null);
  const buckets = hourly.data ?? [];
  return (
    <HourlyChart
      buckets={buckets}
      timeZone={timeZone}
      loading={hourly.isFetching && hourly.isPlaceholderData}
      selectedFrom={selectedFrom}
      onSelectHour={onSelectHour}
    />
  );
}
