"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { type KeyboardEvent, useMemo, useRef } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  useActiveTooltipDataPoints,
  XAxis,
  YAxis,
} from "recharts";
import type { HourlyBucket } from "@/lib/delivery-log/contract";
import { intlLocale } from "@/lib/format-date";
import { formatHour } from "./format-time";

const HOUR_MS = 3_600_000;
const SUCCEEDED = "#6ee7b7";
const FAILED = "#ef4444";

type Point = HourlyBucket & { time: number };

function localHour(time: number, timeZone: string): number {
  return Number(
    new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(
      new Date(time),
    ),
  );
}

function dayLabel(time: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    day: "numeric",
    month: "short",
  }).format(new Date(time));
}

/**
 * Deliveries per hour over the last 7 days, delivered vs failed. A click on an hour (or Enter
 * on it after moving there with the arrow keys) filters the list to that hour.
 */
export function HourlyChart({
  buckets,
  timeZone,
  selectedFrom,
  onSelectHour,
  loading,
}: {
  buckets: HourlyBucket[];
  timeZone: string;
  /** The start of the hour the list is filtered to, if any. */
  selectedFrom: string | null;
  onSelectHour: (from: string, to: string) => void;
  loading: boolean;
}) {
  const t = useTranslations("chart");
  const locale = useLocale();
  const format = useFormatter();
  const data: Point[] = useMemo(
    () => buckets.map((b) => ({ ...b, time: Date.parse(b.hour) })),
    [buckets],
  );
  const selected = selectedFrom ? Date.parse(selectedFrom) : null;
  const ticks = data.filter((p) => localHour(p.time, timeZone) === 0).map((p) => p.hour);
  const totals = data.reduce(
    (sum, p) => ({ succeeded: sum.succeeded + p.succeeded, failed: sum.failed + p.failed }),
    { succeeded: 0, failed: 0 },
  );
  const active = useRef<Point | null>(null);

  function select(point: Point | undefined) {
    if (!point) return;
    onSelectHour(new Date(point.time).toISOString(), new Date(point.time + HOUR_MS).toISOString());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "Enter" && event.key !== " ") return;
    if (!active.current) return;
    event.preventDefault();
    select(active.current);
  }

  return (
    <section
      aria-labelledby="chart-heading"
      className="rounded-xl border border-slate-200 bg-white px-5 pt-4 pb-2 shadow-xs"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <h2 id="chart-heading" className="text-sm font-semibold text-slate-900">
          {t("heading")}
        </h2>
        <div className="flex items-center gap-4 text-xs text-slate-600" aria-live="polite">
          <LegendDot
            color={SUCCEEDED}
            label={t("delivered", { count: format.number(totals.succeeded) })}
          />
          <LegendDot color={FAILED} label={t("failed", { count: format.number(totals.failed) })} />
          <span className="text-slate-400">{t("clickHint")}</span>
        </div>
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the chart's own accessibility layer takes the focus and the arrows; Enter on the active hour is added here */}
      <div
        className={`mt-2 h-40 overflow-hidden transition-opacity ${loading ? "opacity-50" : ""}`}
        onKeyDown={onKeyDown}
        data-testid="hourly-chart"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={data}
            margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
            barCategoryGap={1}
            accessibilityLayer
            onClick={(state) => {
              const index = Number(state.activeTooltipIndex);
              if (Number.isInteger(index)) select(data[index]);
            }}
            className="cursor-pointer"
          >
            <CartesianGrid vertical={false} stroke="#e2e8f0" />
            <XAxis
              dataKey="hour"
              ticks={ticks}
              tickFormatter={(hour: string) => dayLabel(Date.parse(hour), timeZone, locale)}
              tick={{ fontSize: 11, fill: "#64748b" }}
              tickLine={false}
              axisLine={{ stroke: "#cbd5e1" }}
              interval={0}
            />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 11, fill: "#64748b" }}
              tickLine={false}
              axisLine={false}
              width={48}
            />
            <Tooltip
              cursor={{ fill: "#f1f5f9" }}
              content={(props) => <HourTooltip {...props} timeZone={timeZone} />}
              isAnimationActive={false}
            />
            <Bar
              dataKey="succeeded"
              name={t("seriesDelivered")}
              stackId="hour"
              fill={SUCCEEDED}
              isAnimationActive={false}
            >
              {data.map((p) => (
                <Cell
                  key={p.hour}
                  fillOpacity={selected === null || selected === p.time ? 1 : 0.3}
                />
              ))}
            </Bar>
            <Bar
              dataKey="failed"
              name={t("seriesFailed")}
              stackId="hour"
              fill={FAILED}
              isAnimationActive={false}
            >
              {data.map((p) => (
                <Cell
                  key={p.hour}
                  fillOpacity={selected === null || selected === p.time ? 1 : 0.3}
                />
              ))}
            </Bar>
            <ActiveHour
              onChange={(point) => {
                active.current = point;
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/** Remembers the hour the tooltip is on, so Enter can pick it. */
function ActiveHour({ onChange }: { onChange: (point: Point | null) => void }) {
  const points = useActiveTooltipDataPoints<Point>();
  onChange(points?.[0] ?? null);
  return null;
}

function LegendDot({ color, label }: { color: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 tabular-nums">
      <span aria-hidden className="size-2.5 rounded-sm" style={{ backgroundColor: color }} />
      {label}
    </span>
  );
}

function HourTooltip({
  active,
  payload,
  timeZone,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  timeZone: string;
}) {
  const t = useTranslations("chart");
  const locale = useLocale();
  const point = payload?.[0]?.payload as Point | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-xs shadow-lg">
      <p className="font-medium text-slate-900">
        {formatHour(point.hour, timeZone, locale)} –{" "}
        {formatHour(new Date(point.time + HOUR_MS).toISOString(), timeZone, locale)
          .split(", ")
          .pop()}
      </p>
      <p className="mt-1 text-emerald-700 tabular-nums">
        {t("tooltipDelivered", { count: point.succeeded })}
      </p>
      <p className="text-red-700 tabular-nums">{t("tooltipFailed", { count: point.failed })}</p>
      <p className="mt-1 text-slate-400">{t("tooltipHint")}</p>
    </div>
  );
}
