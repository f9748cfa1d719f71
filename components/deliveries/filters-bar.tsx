"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { SearchIcon, XIcon } from "@/components/ui/icons";
import { Switch } from "@/components/ui/switch";
import type { DeliveryFilter, StatusFilter } from "@/lib/delivery-log/contract";
import { MAX_SEARCH_LENGTH } from "@/lib/delivery-log/filters";
import { shortUrl } from "./delivery-format";
import type { EventOption } from "./filter-state";
import { formatHour } from "./format-time";
import type { FilterPatch } from "./use-filter-url";

const CONTROL =
  "mt-1.5 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-xs outline-none transition focus:border-brand-500 focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50 disabled:text-slate-400";
const LABEL = "block text-xs font-medium text-slate-600";

// Labels are keys of the "filters" catalog namespace.
const STATUS_GROUPS = [
  { label: "answered", options: ["4xx", "5xx", "redirect"] },
  {
    label: "noAnswer",
    options: ["timeout", "connection", "dns", "tls", "blocked_target", "other"],
  },
] as const satisfies ReadonlyArray<{ label: string; options: readonly StatusFilter[] }>;

const SEARCH_DELAY_MS = 400;

/** A date filter value as a date input shows it: plain dates only (an hour picked on the chart is a chip). */
function dateValue(value: string | undefined): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : "";
}

export function isHourRange(filter: DeliveryFilter): boolean {
  return Boolean(filter.from?.includes("T") || filter.to?.includes("T"));
}

export function FiltersBar({
  filter,
  events,
  timeZone,
  onChange,
  variant = "errors",
}: {
  filter: DeliveryFilter;
  /** On a delivery log, the one event whose requests the request filter offers. */
  events: EventOption[];
  timeZone: string;
  onChange: (patch: FilterPatch, mode?: "push" | "replace") => void;
  /** The error check page filters by event; a delivery log by result instead. */
  variant?: "errors" | "log";
}) {
  const t = useTranslations("filters");
  const ids = useId();
  const event = variant === "log" ? events[0] : events.find((e) => e.id === filter.eventId);
  const requests = event
    ? event.requests.map((r) => ({ ...r, label: `${r.method} ${shortUrl(r.url)}` }))
    : events.flatMap((e) =>
        e.requests.map((r) => ({ ...r, label: `${e.name} · ${r.method} ${shortUrl(r.url)}` })),
      );

  return (
    <div className="@container rounded-xl border border-slate-200 bg-white p-4 shadow-xs">
      <search
        className="grid grid-cols-2 gap-3 @2xl:grid-cols-4 @4xl:grid-cols-6"
        aria-label={t("label")}
      >
        <SearchBox
          value={filter.q ?? ""}
          onCommit={(q) => onChange({ q: q || undefined })}
          className="col-span-2"
        />
        {variant === "errors" ? (
          <div>
            <label htmlFor={`${ids}-event`} className={LABEL}>
              {t("event")}
            </label>
            <select
              id={`${ids}-event`}
              value={filter.eventId ?? ""}
              onChange={(e) =>
                onChange({ eventId: e.target.value || undefined, requestId: undefined })
              }
              className={CONTROL}
            >
              <option value="">{t("allEvents")}</option>
              {events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div>
            <label htmlFor={`${ids}-result`} className={LABEL}>
              {t("result")}
            </label>
            <select
              id={`${ids}-result`}
              value={filter.result ?? "all"}
              onChange={(e) =>
                onChange({ result: e.target.value === "failed" ? "failed" : undefined })
              }
              className={CONTROL}
            >
              <option value="all">{t("allResults")}</option>
              <option value="failed">{t("failedOnly")}</option>
            </select>
          </div>
        )}
        <div>
          <label htmlFor={`${ids}-request`} className={LABEL}>
            {t("request")}
          </label>
          <select
            id={`${ids}-request`}
            value={filter.requestId ?? ""}
            disabled={requests.length === 0}
            onChange={(e) => onChange({ requestId: e.target.value || undefined })}
            className={CONTROL}
          >
            <option value="">{t("allRequests")}</option>
            {requests.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <div className="col-span-2">
          <label htmlFor={`${ids}-status`} className={LABEL}>
            {t("status")}
          </label>
          <select
            id={`${ids}-status`}
            value={filter.status ?? ""}
            onChange={(e) =>
              onChange({ status: (e.target.value || undefined) as StatusFilter | undefined })
            }
            className={CONTROL}
          >
            <option value="">{t("anyStatus")}</option>
            {STATUS_GROUPS.map((group) => (
              <optgroup key={group.label} label={t(group.label)}>
                {group.options.map((value) => (
                  <option key={value} value={value}>
                    {t(value)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {isHourRange(filter) ? (
          <div className="col-span-2 flex items-end">
            <HourChip
              filter={filter}
              timeZone={timeZone}
              onClear={() => onChange({ from: undefined, to: undefined })}
            />
          </div>
        ) : (
          <>
            <div>
              <label htmlFor={`${ids}-from`} className={LABEL}>
                {t("from")}
              </label>
              <input
                id={`${ids}-from`}
                type="date"
                value={dateValue(filter.from)}
                max={dateValue(filter.to) || undefined}
                onChange={(e) => onChange({ from: e.target.value || undefined })}
                className={CONTROL}
              />
            </div>
            <div>
              <label htmlFor={`${ids}-to`} className={LABEL}>
                {t("to")}
              </label>
              <input
                id={`${ids}-to`}
                type="date"
                value={dateValue(filter.to)}
                min={dateValue(filter.from) || undefined}
                onChange={(e) => onChange({ to: e.target.value || undefined })}
                className={CONTROL}
              />
            </div>
          </>
        )}
        {variant === "errors" ? (
          <div className="col-span-2 flex items-end @2xl:col-span-4">
            <div className="flex items-center gap-2.5 pb-2">
              <Switch
                checked={filter.includeChecked === true}
                label={t("includeChecked")}
                onChange={(on) => onChange({ includeChecked: on || undefined })}
              />
              <span className="text-sm text-slate-700" aria-hidden>
                {t("includeChecked")}
              </span>
            </div>
          </div>
        ) : null}
      </search>
    </div>
  );
}

function HourChip({
  filter,
  timeZone,
  onClear,
}: {
  filter: DeliveryFilter;
  timeZone: string;
  onClear: () => void;
}) {
  const t = useTranslations("filters");
  const locale = useLocale();
  const from = filter.from ? formatHour(filter.from, timeZone, locale) : "…";
  const to = filter.to ? formatHour(filter.to, timeZone, locale).split(", ").pop() : "…";
  return (
    <span className="mb-1 inline-flex items-center gap-1.5 rounded-md bg-brand-50 py-1.5 pr-1.5 pl-3 text-sm font-medium text-brand-700 ring-1 ring-brand-100 ring-inset">
      <span>{t("hour", { from, to: to ?? "…" })}</span>
      <button
        type="button"
        onClick={onClear}
        aria-label={t("clearHour")}
        className="rounded p-0.5 text-brand-600 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <XIcon className="size-3.5" />
      </button>
    </span>
  );
}

/** Typing narrows the list after a short pause; Enter applies at once. */
function SearchBox({
  value,
  onCommit,
  className,
}: {
  value: string;
  onCommit: (value: string) => void;
  className?: string;
}) {
  const t = useTranslations("filters");
  const id = useId();
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const onCommitRef = useRef(onCommit);
  onCommitRef.current = onCommit;

  // Back/forward or a reset changes the URL: the box follows it.
  useEffect(() => {
    committed.current = value;
    setDraft(value);
  }, [value]);

  useEffect(() => {
    const next = draft.trim();
    if (next === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = next;
      onCommitRef.current(next);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  return (
    <div className={className}>
      <label htmlFor={id} className={LABEL}>
        {t("search")}
      </label>
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-4 left-3 size-4 text-slate-400" />
        <input
          id={id}
          type="search"
          value={draft}
          maxLength={MAX_SEARCH_LENGTH}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== "Enter") return;
            const next = draft.trim();
            if (next === committed.current) return;
            committed.current = next;
            onCommit(next);
          }}
          placeholder={t("searchPlaceholder")}
          className={`${CONTROL} pl-9`}
        />
      </div>
    </div>
  );
}
