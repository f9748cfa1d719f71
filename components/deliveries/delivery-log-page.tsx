"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useTriggerLabel } from "@/components/i18n/use-trigger-label";
import type { DeliveryFilterKey } from "@/lib/delivery-log/filters";
import { DeliveriesPanel } from "./deliveries-panel";
import { type ChartSeed, DeliveriesChart, DownloadLink, DroppedNotice } from "./error-check-page";
import { type EventOption, filterHref, isFiltered, logFilter } from "./filter-state";
import { FiltersBar } from "./filters-bar";
import type { InitialPage } from "./use-deliveries";
import { useFilterUrl } from "./use-filter-url";

type Props = {
  projectId: string;
  canEdit: boolean;
  timeZone: string;
  event: EventOption;
  initial: InitialPage;
  dropped: DeliveryFilterKey[];
  chart: ChartSeed;
};

/** The recent deliveries of one event, every result, with the same drawer as the error check. */
export function DeliveryLogPage({
  projectId,
  canEdit,
  timeZone,
  event,
  initial,
  dropped,
  chart,
}: Props) {
  const events = useMemo(() => [event], [event]);
  const {
    filter: urlFilter,
    view,
    setFilter,
    resetFilter,
    setView,
    replaceWith,
  } = useFilterUrl(events);
  const t = useTranslations("deliveryLog");
  const triggerLabel = useTriggerLabel();
  const trigger = triggerLabel(event.type);
  const filter = logFilter(urlFilter, event.id);
  const base = `/projects/${projectId}/webhooks`;
  const exportHref = filterHref(`${base}/errors/export`, filter, "short");

  return (
    <div className="space-y-5">
      <nav aria-label={t("breadcrumb")} className="text-sm text-slate-500">
        <ol className="flex flex-wrap items-center gap-1.5">
          <li>
            <Link href={base} className="hover:text-slate-900 hover:underline">
              {t("webhooks")}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li>
            <Link href={`${base}/${event.id}`} className="hover:text-slate-900 hover:underline">
              {event.name}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page" className="text-slate-700">
            {t("title")}
          </li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
            {t("heading", { event: event.name })}
          </h1>
          <p className="mt-1 text-sm text-slate-500">
            {t("intro", { group: trigger.group, moment: trigger.label })}
          </p>
        </div>
        <DownloadLink href={exportHref} />
      </div>

      <DroppedNotice dropped={dropped} onShown={() => replaceWith(urlFilter, view, "replace")} />

      <DeliveriesChart
        projectId={projectId}
        timeZone={timeZone}
        chart={chart}
        eventId={event.id}
        selectedFrom={urlFilter.from?.includes("T") ? urlFilter.from : null}
        onSelectHour={(from, to) => setFilter({ from, to })}
      />

      <FiltersBar
        filter={urlFilter}
        events={events}
        timeZone={timeZone}
        onChange={setFilter}
        variant="log"
      />

      <DeliveriesPanel
        projectId={projectId}
        canEdit={canEdit}
        timeZone={timeZone}
        filter={filter}
        scope={`event:${event.id}`}
        initial={initial}
        view={view}
        onViewChange={setView}
        filtered={isFiltered(urlFilter)}
        onResetFilters={() => resetFilter()}
        bulk={false}
        showEvent={false}
        noun={(count) => t("noun", { count })}
        caption={t("caption", { event: event.name })}
        empty={{
          title: t("emptyTitle"),
          text: t("emptyText"),
        }}
      />
    </div>
  );
}
