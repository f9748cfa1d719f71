"use client";

import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useServerForm } from "@/components/forms/use-server-form";
import { Badge } from "@/components/ui/badge";
import type { TriggerType } from "@/lib/model/trigger-types";
import type { CallDeliveryDto } from "@/lib/simulator/delivery-status";
import { lifecycleTypes } from "@/lib/simulator/lifecycle";
import { DEFAULT_SIMULATED_CALL, simulatedCallSchema } from "@/lib/simulator/simulation-options";
import { CallForm } from "./call-form";
import { CallTimeline, NoListenersNotice, type TimelineMoment } from "./call-timeline";
import { type CallRun, useCallRun } from "./use-call-run";

type Props = {
  projectId: string;
  listeners: Partial<Record<TriggerType, number>>;
  canPlay: boolean;
};

function offsetSeconds(run: CallRun, occurredAt: string): number {
  return Math.round((Date.parse(occurredAt) - Date.parse(run.startedAt)) / 1000);
}

function tally(deliveries: CallDeliveryDto[]) {
  const count = (status: CallDeliveryDto["status"]) =>
    deliveries.filter((d) => d.status === status).length;
  return {
    total: deliveries.length,
    succeeded: count("succeeded"),
    failed: count("failed"),
    inProgress: count("pending") + count("sending"),
    // Pending after a failed attempt: waiting for the retry schedule, not being sent now.
    retrying: deliveries.filter((d) => d.status === "pending" && d.attempts > 0).length,
  };
}

type Counts = ReturnType<typeof tally>;

function useDescribeCounts() {
  const t = useTranslations("simulator");
  return (counts: Counts): string => {
    if (counts.total === 0) return "";
    const parts = [
      counts.succeeded > 0 ? t("succeeded", { count: counts.succeeded }) : null,
      counts.failed > 0 ? t("failed", { count: counts.failed }) : null,
      counts.retrying > 0 ? t("waiting", { count: counts.retrying }) : null,
      counts.inProgress > counts.retrying
        ? t("inProgress", { count: counts.inProgress - counts.retrying })
        : null,
    ].filter(Boolean);
    return t("counts", { total: counts.total, parts: parts.join(", ") });
  };
}

function RunBadge({ playing, counts }: { playing: boolean; counts: Counts }) {
  const t = useTranslations("simulator.badge");
  if (playing) return <Badge tone="blue">{t("playing")}</Badge>;
  if (counts.inProgress > counts.retrying) return <Badge tone="blue">{t("sending")}</Badge>;
  if (counts.retrying > 0) return <Badge tone="amber">{t("waiting")}</Badge>;
  const tone = counts.failed > 0 ? "red" : counts.total > 0 ? "green" : "neutral";
  return <Badge tone={tone}>{t("finished")}</Badge>;
}

export function Simulator({ projectId, listeners, canPlay }: Props) {
  const t = useTranslations("simulator");
  const describeCounts = useDescribeCounts();
  const { run, play, deliveries } = useCallRun(projectId);
  const { form, onSubmit, pending, formError } = useServerForm(
    simulatedCallSchema,
    async (values) => {
      const failure = await play(values);
      if (failure) toast.error(failure.message);
      return failure;
    },
    { defaultValues: DEFAULT_SIMULATED_CALL },
  );
  const direction = form.watch("direction");
  const outcome = form.watch("outcome");

  const byEvent = new Map((deliveries.data ?? []).map((e) => [e.callEventId, e.deliveries]));
  const moments: TimelineMoment[] = run
    ? run.moments.map((m) => ({
        type: m.type,
        phase: m.phase,
        offsetSeconds: offsetSeconds(run, m.occurredAt),
        deliveries: m.callEventId ? byEvent.get(m.callEventId) : undefined,
        error: m.error,
      }))
    : lifecycleTypes(direction, outcome).map((type) => ({ type, phase: "preview" }));

  const loaded = moments.filter((m) => m.phase === "posted");
  const all = loaded.flatMap((m) => m.deliveries ?? []);
  const counts = tally(all);
  const nothingListens = run
    ? !run.playing && loaded.length > 0 && loaded.every((m) => m.deliveries) && all.length === 0
    : moments.every((m) => (listeners[m.type] ?? 0) === 0);

  return (
    <div>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-500">{t("intro")}</p>
      </div>

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <section
          aria-labelledby="simulator-call"
          className="rounded-xl border border-slate-200 bg-white shadow-xs"
        >
          <header className="border-b border-slate-100 px-6 py-4">
            <h2 id="simulator-call" className="text-base font-semibold text-slate-900">
              {t("call")}
            </h2>
            <p className="mt-1 text-sm text-slate-500">{t("callHint")}</p>
          </header>
          <div className="px-6 py-5">
            <CallForm
              form={form}
              onSubmit={onSubmit}
              pending={pending}
              formError={formError}
              canPlay={canPlay}
            />
          </div>
        </section>

        <section
          aria-labelledby="simulator-progress"
          className="rounded-xl border border-slate-200 bg-white shadow-xs"
        >
          <header className="flex items-start justify-between gap-4 border-b border-slate-100 px-6 py-4">
            <div className="min-w-0">
              <h2 id="simulator-progress" className="text-base font-semibold text-slate-900">
                {run ? t("progress") : t("moments")}
              </h2>
              <p className="mt-1 text-sm text-slate-500" aria-live="polite">
                {run ? (
                  <>
                    {t.rich("callId", {
                      id: run.uniqueid,
                      code: (chunks) => <span className="font-mono text-slate-700">{chunks}</span>,
                    })}
                    {describeCounts(counts)}
                  </>
                ) : (
                  t("playHint")
                )}
              </p>
            </div>
            {run ? (
              <span className="shrink-0">
                <RunBadge playing={run.playing} counts={counts} />
              </span>
            ) : null}
          </header>
          <div className="space-y-5 px-6 py-5">
            {deliveries.error ? (
              <p role="alert" className="text-sm text-red-700">
                {t("loadFailed", { message: deliveries.error.message })}
              </p>
            ) : null}
            <CallTimeline moments={moments} listeners={listeners} />
            {nothingListens ? <NoListenersNotice projectId={projectId} /> : null}
          </div>
        </section>
      </div>
    </div>
  );
}
