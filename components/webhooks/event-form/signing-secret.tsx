"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { toast } from "sonner";
import { rotateSigningSecretAction } from "@/app/_actions/signing";
import { useCopyText } from "@/components/deliveries/code-block";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyIcon } from "@/components/ui/icons";
import { DEFAULT_SIGNING_OVERLAP_HOURS, SIGNING_OVERLAP_HOURS } from "@/lib/model/signing-rotation";
import { webhookKeys } from "@/lib/webhooks/query-keys";
import { useWizard } from "./wizard-context";

const MASKED = `whsec_${"•".repeat(16)}`;

/**
 * The stored request's signing secret: the page never carries it. An admin's Reveal (above the
 * requests) or a Rotate brings it; then it can be copied. The form's values cannot choose it.
 */
export function SigningSecret({ requestId }: { requestId?: string }) {
  const { projectId, eventId, readOnly, signingSecrets, addSigningSecrets } = useWizard();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [overlapHours, setOverlapHours] = useState<number>(DEFAULT_SIGNING_OVERLAP_HOURS);
  const overlapId = useId();
  const secret = requestId ? signingSecrets[requestId] : undefined;
  const t = useTranslations("signingSecret");
  const format = useFormatter();
  const copyText = useCopyText();

  function describeOverlap(hours: number): string {
    if (hours === 0) return t("overlapNone");
    return hours % 24 === 0
      ? t("overlapDays", { count: hours / 24 })
      : t("overlapHours", { count: hours });
  }

  const rotate = useMutation({
    mutationFn: async () => {
      if (!eventId || !requestId) throw new Error(t("saveFirst"));
      const result = await rotateSigningSecretAction(projectId, eventId, requestId, {
        overlapHours,
      });
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: ({ requestId: rotated, signingSecret, previousValidUntil }) => {
      addSigningSecrets({ [rotated]: signingSecret });
      toast.success(
        previousValidUntil
          ? t("rotatedOverlap", {
              until: format.dateTime(new Date(previousValidUntil), {
                dateStyle: "medium",
                timeStyle: "short",
              }),
            })
          : t("rotated"),
      );
      void queryClient.invalidateQueries({ queryKey: webhookKeys.events(projectId) });
    },
    onError: (error) => toast.error(t("notRotated", { reason: error.message })),
    onSettled: () => setConfirming(false),
  });

  if (!eventId || !requestId) {
    return (
      <p className="mt-1 text-xs text-slate-500" data-testid="signing-secret-pending">
        {t("pending")}
      </p>
    );
  }

  return (
    <div className="mt-2 space-y-1.5">
      <p className="text-xs font-medium text-slate-600">{t("title")}</p>
      <div className="flex flex-wrap items-center gap-1.5">
        <code
          data-testid="signing-secret"
          className="min-w-0 rounded-md bg-white px-2 py-1 font-mono text-xs break-all text-slate-800 ring-1 ring-slate-200 ring-inset"
        >
          {secret ?? (
            <>
              <span aria-hidden>{MASKED}</span>
              <span className="sr-only">{t("hidden")}</span>
            </>
          )}
        </code>
        {secret ? (
          <button
            type="button"
            onClick={() => copyText(secret, t("title"))}
            aria-label={t("copy")}
            title={t("copy")}
            className="rounded-md p-1.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <CopyIcon className="size-3.5" />
          </button>
        ) : null}
        {readOnly ? null : (
          <Button
            variant="secondary"
            className="px-2.5 py-1 text-xs"
            onClick={() => setConfirming(true)}
          >
            {t("rotate")}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t("confirmTitle")}
        description={
          <>
            <span className="block">{t("confirmText")}</span>
            <label htmlFor={overlapId} className="mt-3 block text-xs font-medium text-slate-700">
              {t("overlap")}
            </label>
            <select
              id={overlapId}
              value={overlapHours}
              onChange={(event) => setOverlapHours(Number(event.target.value))}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-800"
            >
              {SIGNING_OVERLAP_HOURS.map((hours) => (
                <option key={hours} value={hours}>
                  {describeOverlap(hours)}
                </option>
              ))}
            </select>
          </>
        }
        confirmLabel={t("confirm")}
        tone="danger"
        pending={rotate.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => rotate.mutate()}
      />
    </div>
  );
}
