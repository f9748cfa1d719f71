"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useTriggerLabel } from "@/components/i18n/use-trigger-label";
import { CopyIcon } from "@/components/ui/icons";
import { useFieldPathText } from "./field-labels";
import { PreviewPanels, type PreviewTab } from "./preview-panels";
import { SendTestButton } from "./send-test-button";
import { useRequestPreview } from "./use-request-preview";
import { useWizard } from "./wizard-context";

/** The live preview beside a webhook request, with "Copy as curl". */
export function RequestPreview({ index }: { index: number }) {
  const { type, preview, problem, updating } = useRequestPreview(index);
  const { canSendTest } = useWizard();
  const [tab, setTab] = useState<PreviewTab>("request");
  const firstProblem = problem ? Object.entries(problem.fieldErrors)[0] : undefined;
  const t = useTranslations("preview");
  const triggerLabel = useTriggerLabel();
  const describeFieldPath = useFieldPathText();

  async function copyCurl() {
    if (!preview) return;
    try {
      await navigator.clipboard.writeText(preview.curl);
      toast.success(t("curlCopied"));
    } catch {
      setTab("curl");
      toast.error(t("clipboardBlocked"));
    }
  }

  const sample = type ? triggerLabel(type) : null;

  return (
    <section aria-label={t("label", { number: index + 1 })} className="min-w-0">
      <div className="space-y-2">
        <div className="min-w-0">
          <h4 className="text-xs font-medium tracking-wide text-slate-500 uppercase">
            {t("title")}
            {updating ? (
              <span className="ml-2 font-normal tracking-normal text-slate-400 normal-case">
                {t("updating")}
              </span>
            ) : null}
          </h4>
          {sample ? (
            <p className="mt-0.5 text-xs text-slate-500">
              {t("sample", { group: sample.group.toLowerCase(), label: sample.label })}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-1.5">
          <button
            type="button"
            onClick={copyCurl}
            disabled={!preview}
            className="inline-flex shrink-0 items-center gap-1.5 rounded-md bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 shadow-xs ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-50"
          >
            <CopyIcon className="size-3.5" />
            {t("copyCurl")}
          </button>
          {/* Viewers never reach the customer's server; admins may on the locked event too. */}
          {canSendTest && type ? <SendTestButton index={index} /> : null}
        </div>
      </div>

      {!type ? <p className="mt-3 text-sm text-slate-500">{t("chooseEvent")}</p> : null}

      {problem ? (
        <div
          role="status"
          className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900"
        >
          {preview ? <p className="font-medium">{t("lastValid")}</p> : null}
          <p className="mt-0.5">
            {firstProblem
              ? `${describeFieldPath(firstProblem[0])}: ${firstProblem[1]}`
              : problem.message}
          </p>
        </div>
      ) : null}

      {preview ? (
        <PreviewPanels preview={preview} tab={tab} onTab={setTab} updating={updating} />
      ) : type && !problem ? (
        <div className="mt-3 space-y-2" aria-hidden>
          <div className="h-4 w-3/4 animate-pulse rounded bg-slate-200" />
          <div className="h-3 w-1/2 animate-pulse rounded bg-slate-200" />
          <div className="h-24 animate-pulse rounded bg-slate-200" />
        </div>
      ) : null}
    </section>
  );
}
