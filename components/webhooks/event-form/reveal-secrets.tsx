"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { toast } from "sonner";
import { revealEventSecretsAction } from "@/app/_actions/secrets";
import { Button } from "@/components/ui/button";
import { LockIcon } from "@/components/ui/lock-icon";
import { MASK, unmaskHeaders } from "@/lib/model/sensitive";
import type { WebhookEventDto } from "@/lib/webhooks/serializers";
import type { EventFormValues } from "./form-values";
import { useWizard } from "./wizard-context";

function hasHiddenValues(event: WebhookEventDto): boolean {
  return event.requests.some(
    (request) => request.signing.enabled || request.headers.some((h) => h.value === MASK),
  );
}

/**
 * The page arrives without sensitive header values and signing secrets. An admin fetches them
 * on Reveal: the masked header values in the form become the stored ones (a save then sends
 * them back unchanged), and the signing secrets appear beside each request.
 */
export function HiddenValuesNotice({ stored }: { stored: WebhookEventDto }) {
  const { projectId, canReveal, addSigningSecrets } = useWizard();
  const form = useFormContext<EventFormValues>();
  const [revealed, setRevealed] = useState(false);
  const t = useTranslations("hiddenValues");

  const reveal = useMutation({
    mutationFn: async () => {
      const result = await revealEventSecretsAction(projectId, stored.id);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: ({ requests }) => {
      const byId = new Map(requests.map((r) => [r.id, r]));
      const wasDirty = form.formState.isDirty;
      // Leaf by leaf: replacing whole lists would remount the request cards and close what the
      // admin had opened.
      form.getValues("requests").forEach((request, index) => {
        const secrets = request.id ? byId.get(request.id) : undefined;
        if (!secrets) return;
        const { headers } = unmaskHeaders(request.headers, secrets.headers);
        headers.forEach((header, at) => {
          if (header.value !== request.headers[at]?.value) {
            form.setValue(`requests.${index}.headers.${at}.value`, header.value, {
              shouldDirty: false,
            });
          }
        });
      });
      // An unchanged form takes the revealed values as its baseline: nothing reads as edited.
      if (!wasDirty) form.reset(form.getValues(), { keepValues: true });
      addSigningSecrets(
        Object.fromEntries(
          requests.flatMap((r) => (r.signingSecret ? [[r.id, r.signingSecret]] : [])),
        ),
      );
      setRevealed(true);
    },
    onError: (error) => toast.error(t("failed", { reason: error.message })),
  });

  if (!hasHiddenValues(stored) || revealed) return null;
  return (
    <div
      data-testid="hidden-values"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-slate-50 px-3.5 py-2.5 text-sm text-slate-700"
    >
      <span className="flex items-start gap-2">
        <LockIcon className="mt-0.5 size-3.5 shrink-0" />
        {canReveal ? t("canReveal", { mask: MASK }) : t("adminsOnly", { mask: MASK })}
      </span>
      {canReveal ? (
        <Button
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          pending={reveal.isPending}
          onClick={() => reveal.mutate()}
        >
          {t("reveal")}
        </Button>
      ) : null}
    </div>
  );
}
