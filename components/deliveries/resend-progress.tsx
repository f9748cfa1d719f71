"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useCatalogWords } from "@/components/i18n/use-catalog-words";
import { XIcon } from "@/components/ui/icons";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ResendBatch } from "@/lib/delivery-log/contract";
import { deliveryKeys } from "@/lib/delivery-log/query-keys";
import { CheckCircleIcon, ResendIcon } from "./icons";
import { isBatchDone, useResendBatch } from "./use-deliveries";

/**
 * The progress of a "Send again" batch while the worker sends it: rows leave the list as they
 * succeed, and the navigation badge is refreshed once the batch is through.
 */
export function ResendProgress({
  projectId,
  started,
  onDismiss,
}: {
  projectId: string;
  /** What the resend answered: the skipped rows are only known from it. */
  started: ResendBatch;
  onDismiss: () => void;
}) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const polled = useResendBatch(projectId, started.total > 0 ? started.id : null);
  const batch = polled.data ?? started;
  const done = started.total === 0 || isBatchDone(batch);
  const finished = batch.succeeded + batch.failed;

  // Each finished delivery may change the list (a success leaves it): refetch as they finish.
  const seen = useRef(-1);
  useEffect(() => {
    if (finished === seen.current) return;
    seen.current = finished;
    queryClient.invalidateQueries({ queryKey: deliveryKeys.lists(projectId) });
    queryClient.invalidateQueries({ queryKey: [...deliveryKeys.all(projectId), "detail"] });
  }, [finished, projectId, queryClient]);

  useEffect(() => {
    if (!done) return;
    queryClient.invalidateQueries({ queryKey: deliveryKeys.all(projectId) });
    router.refresh();
  }, [done, projectId, queryClient, router]);

  const t = useTranslations("resend");
  const { words } = useCatalogWords();
  const skipped = started.skippedCount;
  return (
    <section
      aria-label={t("label")}
      data-testid="resend-progress"
      data-done={done}
      className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs"
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden
          className={`mt-0.5 grid size-7 shrink-0 place-items-center rounded-full ${done ? (batch.failed > 0 ? "bg-amber-100 text-amber-700" : "bg-emerald-100 text-emerald-700") : "bg-brand-50 text-brand-600"}`}
        >
          {done ? (
            <CheckCircleIcon />
          ) : (
            <ResendIcon className="size-4 animate-spin [animation-duration:2s]" />
          )}
        </span>
        <div className="min-w-0 flex-1" aria-live="polite">
          <p className="text-sm font-medium text-slate-900">
            {started.total === 0
              ? t("nothing")
              : done
                ? t("sent", { count: batch.total })
                : t("sending", { count: batch.total })}
          </p>
          <p className="mt-0.5 text-xs text-slate-600 tabular-nums">
            {batch.total > 0 ? (
              <>
                <span className="text-emerald-700">
                  {t("delivered", { count: batch.succeeded })}
                </span>
                {" · "}
                <span className={batch.failed > 0 ? "text-red-700" : ""}>
                  {t("failedAgain", { count: batch.failed })}
                </span>
                {batch.pending > 0 ? t("inProgress", { count: batch.pending }) : ""}
              </>
            ) : null}
            {skipped > 0
              ? `${batch.total > 0 ? " · " : ""}${t("skipped", { count: skipped })}`
              : ""}
          </p>
          {batch.total > 0 ? (
            <div className="mt-2">
              <ProgressBar
                value={finished}
                max={batch.total}
                label={t("bar")}
                tone={done ? (batch.failed > 0 ? "amber" : "green") : "brand"}
              />
            </div>
          ) : null}
          {started.skipped.length > 0 ? (
            <details className="mt-2 text-xs text-slate-600">
              <summary className="cursor-pointer font-medium text-slate-700">{t("why")}</summary>
              <ul className="mt-1 space-y-0.5">
                {summarize(started.skipped, (item) => words("resendRefusal", item.reasonText)).map(
                  ([reason, count]) => (
                    <li key={reason}>
                      {reason}: {count}
                    </li>
                  ),
                )}
              </ul>
            </details>
          ) : null}
        </div>
        {done ? (
          <button
            type="button"
            onClick={onDismiss}
            aria-label={t("dismiss")}
            className="rounded-md p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <XIcon />
          </button>
        ) : null}
      </div>
    </section>
  );
}

function summarize(
  skipped: ResendBatch["skipped"],
  wordsOf: (item: ResendBatch["skipped"][number]) => string,
): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of skipped) {
    const reason = wordsOf(item);
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts];
}
