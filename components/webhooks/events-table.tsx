"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTriggerLabel } from "@/components/i18n/use-trigger-label";
import { Badge } from "@/components/ui/badge";
import { DropdownMenu, type MenuEntry } from "@/components/ui/dropdown-menu";
import { CopyIcon, EyeIcon, PencilIcon, SendIcon, TrashIcon } from "@/components/ui/icons";
import { LockIcon } from "@/components/ui/lock-icon";
import { Switch } from "@/components/ui/switch";
import type { WebhookEventSummary } from "@/lib/webhooks/summaries";
import { LastDelivery } from "./last-delivery";
import { PausedRequests } from "./paused-requests";
import { RequestTarget } from "./request-target";

type Props = {
  projectId: string;
  events: WebhookEventSummary[];
  canEdit: boolean;
  timeZone: string;
  onToggle: (event: WebhookEventSummary, enabled: boolean) => void;
  onCopy: (event: WebhookEventSummary) => void;
  onDelete: (event: WebhookEventSummary) => void;
  onSendTest: (event: WebhookEventSummary) => void;
  emptyMessage: string | null;
};

const TH = "px-3 py-3 font-medium xl:px-4";
const TD = "px-3 py-4 xl:px-4";

export function EventsTable({
  projectId,
  events,
  canEdit,
  timeZone,
  onToggle,
  onCopy,
  onDelete,
  onSendTest,
  emptyMessage,
}: Props) {
  const t = useTranslations("webhooks.table");
  const triggerLabel = useTriggerLabel();
  const base = `/projects/${projectId}/webhooks`;

  function menuFor(event: WebhookEventSummary): MenuEntry[] {
    const href = `${base}/${event.id}`;
    if (!canEdit) return [{ label: t("view"), href, icon: <EyeIcon /> }];
    const sendTest: MenuEntry = {
      label: t("sendTest"),
      onSelect: () => onSendTest(event),
      icon: <SendIcon />,
    };
    const copy: MenuEntry = { label: t("copy"), onSelect: () => onCopy(event), icon: <CopyIcon /> };
    // The locked default event cannot be edited or deleted; it can be copied and test-sent.
    if (event.locked) return [copy, sendTest];
    return [
      { label: t("edit"), href, icon: <PencilIcon /> },
      copy,
      sendTest,
      { label: t("delete"), onSelect: () => onDelete(event), icon: <TrashIcon />, tone: "danger" },
    ];
  }

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className={TH}>
              {t("name")}
            </th>
            <th scope="col" className={`${TH} hidden xl:table-cell`}>
              {t("event")}
            </th>
            <th scope="col" className={`${TH} w-full`}>
              {t("requests")}
            </th>
            <th scope="col" className={TH}>
              {t("status")}
            </th>
            <th scope="col" className={TH}>
              {t("lastDelivery")}
            </th>
            <th scope="col" className={`${TH} text-right`}>
              {t("errors24h")}
            </th>
            <th scope="col" className="w-12 py-3 pr-3">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {emptyMessage ? (
            <tr>
              <td colSpan={7} className="px-4 py-10 text-center text-sm text-slate-500">
                {emptyMessage}
              </td>
            </tr>
          ) : null}
          {events.map((event) => (
            <tr key={event.id} data-testid="event-row" className="align-top hover:bg-slate-50/60">
              <td className={TD}>
                <div className="flex min-w-36 flex-wrap items-center gap-x-2 gap-y-1">
                  <Link
                    href={`${base}/${event.id}`}
                    className="font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
                  >
                    {event.name}
                  </Link>
                  {event.locked ? (
                    <Badge tone="neutral">
                      <LockIcon /> {t("default")}
                    </Badge>
                  ) : null}
                </div>
                {/* Below 1280 px the event moves under the name to leave room for the URL. */}
                <p className="mt-0.5 text-xs text-slate-500 xl:hidden">
                  {triggerLabel(event.type).group} · {triggerLabel(event.type).label}
                </p>
              </td>
              <td className={`${TD} hidden xl:table-cell`}>
                <p className="text-xs whitespace-nowrap text-slate-500">
                  {triggerLabel(event.type).group}
                </p>
                <p className="min-w-28 text-slate-800">{triggerLabel(event.type).label}</p>
              </td>
              <td className={`${TD} max-w-0`}>
                <p className="text-slate-800">
                  {t("requestCount", { count: event.requests.length })}
                </p>
                {event.requests[0] ? <RequestTarget request={event.requests[0]} /> : null}
                <PausedRequests requests={event.requests} />
              </td>
              <td className={TD}>
                <div className="flex items-center gap-2">
                  <Switch
                    checked={event.enabled}
                    disabled={!canEdit}
                    label={t("toggle", { enabled: String(event.enabled), name: event.name })}
                    onChange={(enabled) => onToggle(event, enabled)}
                  />
                  <span
                    className={`hidden text-xs xl:inline ${event.enabled ? "text-emerald-700" : "text-slate-500"}`}
                  >
                    {event.enabled ? t("enabled") : t("disabled")}
                  </span>
                </div>
              </td>
              <td className={`${TD} whitespace-nowrap`}>
                <LastDelivery delivery={event.lastDelivery} timeZone={timeZone} />
              </td>
              <td className={`${TD} text-right`}>
                <Link
                  href={`${base}/errors?${new URLSearchParams({ eventId: event.id, from: event.errorsSince })}`}
                  aria-label={t("errorsLink", { count: event.errorsLast24h, name: event.name })}
                  className={`inline-block rounded-md px-2 py-0.5 font-medium tabular-nums hover:underline focus-visible:outline-2 focus-visible:outline-brand-600 ${
                    event.errorsLast24h > 0 ? "bg-red-50 text-red-700" : "text-slate-400"
                  }`}
                >
                  {event.errorsLast24h}
                </Link>
              </td>
              <td className="py-3 pr-3 text-right">
                <DropdownMenu
                  label={t("actionsFor", { name: event.name })}
                  items={menuFor(event)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
