"use client";

import type { MouseEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import type { DeliveryListItem } from "@/lib/delivery-log/contract";
import { shortUrl } from "./delivery-format";
import type { View } from "./filter-state";
import { formatTimestamp } from "./format-time";
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
                label="Select all shown webhooks"
                checked={items.length > 0 && selectedCount === items.length}
                indeterminate={selectedCount > 0 && selectedCount < items.length}
                disabled={items.length === 0}
                onChange={(e) => selection.onToggleAll(e.target.checked)}
              />
            </th>
          ) : null}
          <th scope="col" className={`${TH} ${selection ? "" : "pl-4"}`}>
            Time
          </th>
          <th scope="col" className={TH}>
            {showEvent ? "Event and request" : "Request"}
          </th>
          <th scope="col" className={TH}>
            Result
          </th>
          <th scope="col" className={TH}>
            Call
          </th>
          <th scope="col" className="py-2.5 pr-4">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      {items.map((delivery) => {
        const selected = selection?.selected.has(delivery.id) ?? false;
        const [day, time] = formatTimestamp(delivery.createdAt, timeZone).split(" ");
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
                    label={`Select the webhook of ${delivery.eventName} at ${day} ${time}`}
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
                    title={`${delivery.eventName} — ${delivery.trigger.group}, ${delivery.trigger.label}`}
                  >
                    <span className="font-medium text-slate-900">{delivery.eventName}</span>
                    <span className="text-xs text-slate-500"> · {delivery.trigger.label}</span>
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
                  {delivery.checkedAt ? <Badge tone="neutral">Checked</Badge> : null}
                </div>
                <p className="mt-1 text-xs text-slate-500 tabular-nums">
                  {delivery.attempts} of {delivery.maxAttempts} attempts
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
                        aria-label={`Send again: ${delivery.eventName} at ${time}`}
                        title="Send again"
                        onClick={() => actions.onResend(delivery)}
                      >
                        <ResendIcon />
                      </button>
                      {delivery.checkedAt ? null : (
                        <button
                          type="button"
                          className={ICON_BUTTON}
                          aria-label={`Mark checked: ${delivery.eventName} at ${time}`}
                          title="Mark checked"
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
                    aria-label={`Details: ${delivery.eventName} at ${time}`}
                    title="Details"
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
