"use client";

import { useLocale, useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { useTriggerLabel } from "@/components/i18n/use-trigger-label";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import type { DeliveryListItem } from "@/lib/delivery-log/contract";
import { formatDateAndTime } from "@/lib/format-date";
import { shortUrl } from "./delivery-format";
import type { View } from "./filter-state";
import { CheckCircleIcon, PanelIcon, ResendIcon } from "./icons";
import { MethodTag, ResultBadge } from "./result-badge";

const TH = "px-3 py-2.5 font-medium";
const ICON_BUTTON =
  "rounded-md p-1.5 text-slate-500 transition hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-40";

export type RowActions = {
  onResend: (delivery: DeliveryListItem) => void;
  onCheck: (delivery: DeliveryListItem) => void;
};

type Props = {
  items: DeliveryListItem[];
  timeZone: string;
  view: View;
  onOpen: (delivery: DeliveryListItem) => void;
  /** Selection and row actions, for admins on the error check page. */
  selection?: {
    selected: ReadonlySet<string>;
    onToggle: (id: string, on: boolean) => void;
    onToggleAll: (on: boolean) => void;
  };
  actions?: RowActions;
  showEvent?: boolean;
  caption: string;
};

/** A click anywhere on a row opens it, except on its own controls. */
function openFromRow(event: MouseEvent<HTMLTableRowElement>, open: () => void) {
  if ((event.target as HTMLElement).closest("button, a, input, label")) return;
  if (window.getSelection()?.toString()) return;
  open();
}

export function DeliveriesTable({
  items,
  timeZone,
  view,
  onOpen,
  selection,
  actions,
  showEvent = true,
  caption,
}: Props) {
  const t = useTranslations("list");
  const locale = useLocale();
  const triggerLabel = useTriggerLabel();
  const selectedCount = selection ? items.filter((d) => selection.selected.has(d.id)).length : 0;
  const columns = selection ? 6 : 5;
  return (
    <table className="w-full table-fixed text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        {selection ? <col className="w-10" /> : null}
        <col className={selection ? "w-24" : "w-28"} />
        <col />
        <col className="w-36" />
        <col className="w-32" />
        <col className={actions ? "w-28" : "w-14"} />
      </colgroup>
      <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
        <tr>
          {selection ? (
            <th scope="col" className="py-2.5 pl-4">
              <Checkbox
                label={t("selectAll")}
                checked={items.length > 0 && selectedCount === items.length}
                indeterminate={selectedCount > 0 && selectedCount < items.length}
                disabled={items.length === 0}
                onChange={(e) => selection.onToggleAll(e.target.checked)}
              />
            </th>
          ) : null}
          <th scope="col" className={`${TH} ${selection ? "" : "pl-4"}`}>
            {t("time")}
          </th>
          <th scope="col" className={TH}>
            {showEvent ? t("eventAndRequest") : t("request")}
          </th>
          <th scope="col" className={TH}>
            {t("result")}
          </th>
          <th scope="col" className={TH}>
            {t("call")}
          </th>
          <th scope="col" className="py-2.5 pr-4">
            <span className="sr-only">{t("actions")}</span>
          </th>
        </tr>
      </thead>
      {items.map((delivery) => {
        const selected = selection?.selected.has(delivery.id) ?? false;
        const { date: day, time } = formatDateAndTime(delivery.createdAt, timeZone, locale, {
          seconds: true,
        });
        return (
          // One tbody per delivery keeps its "Full" line with it for hover and selection.
          <tbody
            key={delivery.id}
            data-testid="delivery-row"
            data-id={delivery.id}
            data-status={delivery.status}
            className={`border-b border-slate-100 last:border-0 ${selected ? "bg-brand-50/60" : "hover:bg-slate-50/70"}`}
          >
            <tr
              onClick={(e) => openFromRow(e, () => onOpen(delivery))}
              className="cursor-pointer align-top"
            >
              {selection ? (
                <td className="py-3 pl-4">
                  <Checkbox
                    label={t("selectRow", {
                      event: delivery.eventName,
                      day: day ?? "",
                      time: time ?? "",
                    })}
                    checked={selected}
                    onChange={(e) => selection.onToggle(delivery.id, e.target.checked)}
                    className="mt-0.5"
                  />
                </td>
              ) : null}
              <td className={`py-3 pr-3 tabular-nums ${selection ? "pl-3" : "pl-4"}`}>
                <time dateTime={delivery.createdAt} className="block">
                  <span className="block text-slate-900">{time}</span>
                  <span className="block text-xs text-slate-500">{day}</span>
                </time>
              </td>
              <td className="px-3 py-3">
                {showEvent ? (
                  <p
                    className="truncate"
                    title={`${delivery.eventName} — ${triggerLabel(delivery.triggerType).group}, ${triggerLabel(delivery.triggerType).label}`}
                  >
                    <span className="font-medium text-slate-900">{delivery.eventName}</span>
                    <span className="text-xs text-slate-500">
                      {" "}
                      · {triggerLabel(delivery.triggerType).label}
                    </span>
                  </p>
                ) : null}
                <p className={`flex min-w-0 items-center gap-1.5 ${showEvent ? "mt-1" : ""}`}>
                  <MethodTag method={delivery.method} />
                  <span
                    className="truncate font-mono text-xs text-slate-600"
                    title={delivery.url ?? undefined}
                  >
                    {shortUrl(delivery.url)}
                  </span>
                </p>
              </td>
              <td className="px-3 py-3">
                <div className="flex flex-wrap items-center gap-1">
                  <ResultBadge delivery={delivery} />
                  {delivery.checkedAt ? <Badge tone="neutral">{t("checked")}</Badge> : null}
                </div>
                <p className="mt-1 text-xs text-slate-500 tabular-nums">
                  {t("attempts", { attempts: delivery.attempts, max: delivery.maxAttempts })}
                </p>
              </td>
              <td className="px-3 py-3">
                <p
                  className="truncate font-mono text-xs text-slate-700"
                  title={delivery.callId ?? undefined}
                >
                  {delivery.callId ?? "—"}
                </p>
                <p className="mt-1 truncate text-xs text-slate-500 tabular-nums">
                  {delivery.caller ?? ""}
                </p>
              </td>
              <td className="py-2 pr-3 text-right">
                <div className="flex justify-end gap-0.5">
                  {actions && delivery.status === "failed" ? (
                    <>
                      <button
                        type="button"
                        className={ICON_BUTTON}
                        aria-label={t("sendAgainRow", {
                          event: delivery.eventName,
                          time: time ?? "",
                        })}
                        title={t("sendAgain")}
                        onClick={() => actions.onResend(delivery)}
                      >
                        <ResendIcon />
                      </button>
                      {delivery.checkedAt ? null : (
                        <button
                          type="button"
                          className={ICON_BUTTON}
                          aria-label={t("markCheckedRow", {
                            event: delivery.eventName,
                            time: time ?? "",
                          })}
                          title={t("markChecked")}
                          onClick={() => actions.onCheck(delivery)}
                        >
                          <CheckCircleIcon />
                        </button>
                      )}
                    </>
                  ) : null}
                  <button
                    type="button"
                    className={ICON_BUTTON}
                    aria-label={t("detailsRow", { event: delivery.eventName, time: time ?? "" })}
                    title={t("details")}
                    onClick={() => onOpen(delivery)}
                  >
                    <PanelIcon />
                  </button>
                </div>
              </td>
            </tr>
            {view === "full" && (delivery.error || delivery.responseExcerpt) ? (
              <tr
                onClick={(e) => openFromRow(e, () => onOpen(delivery))}
                className="cursor-pointer"
              >
                <td colSpan={columns} className={`pr-4 pb-3 ${selection ? "pl-13" : "pl-4"}`}>
                  <div className="rounded-md border border-slate-200 bg-slate-50/80 px-3 py-2 text-xs">
                    {delivery.error ? (
                      <p className="break-words text-red-700">{delivery.error}</p>
                    ) : null}
                    {delivery.responseExcerpt ? (
                      <pre className="mt-1 max-h-24 overflow-hidden font-mono break-all whitespace-pre-wrap text-slate-600">
                        {delivery.responseExcerpt}
                      </pre>
                    ) : null}
                  </div>
                </td>
              </tr>
            ) : null}
          </tbody>
        );
      })}
    </table>
  );
}
