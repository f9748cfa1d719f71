import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTriggerLabel } from "@/components/i18n/use-trigger-label";
import type { TriggerType } from "@/lib/model/trigger-types";
import type { CallDeliveryDto } from "@/lib/simulator/delivery-status";
import { DeliveryTable } from "./delivery-table";
import type { MomentPhase } from "./use-call-run";

export type TimelineMoment = {
  type: TriggerType;
  phase: MomentPhase | "preview";
  /** Seconds from the start of the call, once the call is planned. */
  offsetSeconds?: number;
  deliveries?: CallDeliveryDto[];
  error?: string;
};

type Tone = "idle" | "active" | "posted" | "quiet" | "green" | "red";

const DOT: Record<Tone, string> = {
  idle: "border-slate-300 bg-white",
  active: "border-brand-500 bg-brand-100 animate-pulse",
  posted: "border-brand-600 bg-brand-600",
  quiet: "border-slate-400 bg-slate-400",
  green: "border-emerald-500 bg-emerald-500",
  red: "border-red-500 bg-red-500",
};

function toneOf(moment: TimelineMoment): Tone {
  if (moment.phase === "failed") return "red";
  if (moment.phase === "posting") return "active";
  if (moment.phase !== "posted") return "idle";
  const deliveries = moment.deliveries ?? [];
  // Posted, and nothing listens: done, with nothing to show for it.
  if (moment.deliveries && deliveries.length === 0) return "quiet";
  if (deliveries.some((d) => d.status === "failed")) return "red";
  if (deliveries.length > 0 && deliveries.every((d) => d.status === "succeeded")) return "green";
  return "posted";
}

function PhaseNote({ moment, listeners }: { moment: TimelineMoment; listeners: number }) {
  const t = useTranslations("simulator.timeline");
  const events = t("listeners", { count: listeners });
  switch (moment.phase) {
    case "preview":
    case "upcoming":
      return <span className="text-slate-500">{events}</span>;
    case "posting":
      return <span className="text-brand-700">{t("posting")}</span>;
    case "failed":
      return <span className="text-red-700">{t("notPosted", { error: moment.error ?? "" })}</span>;
    case "posted":
      return (
        <span className="text-slate-500">
          {moment.deliveries?.length
            ? t("postedCount", { count: moment.deliveries.length })
            : t("posted")}
        </span>
      );
  }
}

export function CallTimeline({
  moments,
  listeners,
}: {
  moments: TimelineMoment[];
  listeners: Partial<Record<TriggerType, number>>;
}) {
  const t = useTranslations("simulator.timeline");
  const triggerLabel = useTriggerLabel();
  return (
    <ol className="relative space-y-5">
      {moments.map((moment, index) => {
        const { group, label } = triggerLabel(moment.type);
        const last = index === moments.length - 1;
        return (
          <li
            key={moment.type}
            data-testid="call-moment"
            data-phase={moment.phase}
            className="relative pl-8"
          >
            {last ? null : (
              <span
                aria-hidden
                className="absolute top-5 bottom-[-1.25rem] left-[7px] w-px bg-slate-200"
              />
            )}
            <span
              aria-hidden
              className={`absolute top-1 left-0 size-[15px] rounded-full border-2 ${DOT[toneOf(moment)]}`}
            />
            <div className="flex flex-wrap items-baseline justify-between gap-x-3">
              <h3 className="text-sm font-semibold text-slate-900">
                <span className="font-normal text-slate-500">{group} · </span>
                {label}
              </h3>
              {moment.offsetSeconds === undefined ? null : (
                <span className="font-mono text-xs text-slate-500 tabular-nums">
                  {t("offset", { seconds: moment.offsetSeconds })}
                </span>
              )}
            </div>
            <p className="mt-0.5 text-xs">
              <PhaseNote moment={moment} listeners={listeners[moment.type] ?? 0} />
            </p>
            {moment.phase === "posted" && moment.deliveries ? (
              <div className="mt-2.5">
                {moment.deliveries.length > 0 ? (
                  <DeliveryTable deliveries={moment.deliveries} />
                ) : (
                  <p className="rounded-lg border border-dashed border-slate-200 px-3 py-2 text-xs text-slate-500">
                    {t("nobodyListens")}
                  </p>
                )}
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

export function NoListenersNotice({ projectId }: { projectId: string }) {
  const t = useTranslations("simulator.timeline");
  return (
    <div
      data-testid="no-listeners"
      className="rounded-xl border border-dashed border-slate-300 bg-slate-50/60 px-5 py-6 text-center"
    >
      <p className="font-medium text-slate-800">
        {t.rich("noListeners", {
          link: (chunks) => (
            <Link
              href={`/projects/${projectId}/webhooks`}
              className="text-brand-700 underline underline-offset-2 hover:text-brand-800"
            >
              {chunks}
            </Link>
          ),
        })}
      </p>
      <p className="mt-1 text-sm text-slate-500">{t("stillStored")}</p>
    </div>
  );
}
