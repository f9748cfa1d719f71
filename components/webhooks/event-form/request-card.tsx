"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { useCatalogWords } from "@/components/i18n/use-catalog-words";
import { WarningIcon } from "@/components/ui/icons";
import type { WebhookRequestDto } from "@/lib/webhooks/serializers";
import { DeliveryOptions } from "./delivery-options";
import type { EventFormValues } from "./form-values";
import { HeadersTable } from "./headers-table";
import { ParamList } from "./param-builder";
import { RequestCardHeader } from "./request-card-header";
import { RequestPreview } from "./request-preview";
import { ProtocolFields } from "./request-protocol";
import { TemplateInput } from "./template-input";
import { useRevealOn, useWizard } from "./wizard-context";

type RequestCardProps = {
  index: number;
  count: number;
  stored?: Pick<WebhookRequestDto, "id" | "paused" | "signing">;
  onMove: (to: number) => void;
  onRemove: () => void;
};

/** One webhook request: its settings on the left, the live preview beside them. */
export function RequestCard({ index, count, stored, onMove, onRemove }: RequestCardProps) {
  const { control } = useFormContext<EventFormValues>();
  const { readOnly } = useWizard();
  const t = useTranslations("requestCard");
  const format = useFormatter();
  const { pausedReason } = useCatalogWords();
  const base = `requests.${index}` as const;
  const [open, setOpen] = useState(true);
  useRevealOn(base, () => setOpen(true));
  const headingId = useId();
  const bodyId = useId();

  const headers = useFieldArray({ control, name: `${base}.headers` });
  const method = useWatch({ control, name: `${base}.method` });
  const dataFormat = useWatch({ control, name: `${base}.format` });
  const url = useWatch({ control, name: `${base}.url` });

  const isGet = method === "GET";
  const currentFormat = dataFormat;

  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-slate-200 bg-white shadow-xs"
    >
      <RequestCardHeader
        index={index}
        count={count}
        open={open}
        onToggle={() => setOpen(!open)}
        headingId={headingId}
        bodyId={bodyId}
        method={method}
        url={url}
        paused={stored?.paused}
        readOnly={readOnly}
        onMove={onMove}
        onRemove={onRemove}
      />
      <div
        id={bodyId}
        hidden={!open}
        className="grid grid-cols-1 xl:grid-cols-[minmax(0,1fr)_22rem]"
      >
        <fieldset disabled={readOnly} className="min-w-0 space-y-5 p-5">
          <legend className="sr-only">{t("settings", { number: index + 1 })}</legend>
          {stored?.paused ? (
            <div
              role="status"
              data-testid="request-paused"
              className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              <WarningIcon className="mt-0.5 size-4 shrink-0" />
              <p>
                {t.rich("pausedNote", {
                  b: (chunks) => <span className="font-medium">{chunks}</span>,
                  reason: pausedReason(stored.paused.reason),
                  at: format.dateTime(new Date(stored.paused.at), {
                    dateStyle: "medium",
                    timeStyle: "short",
                  }),
                })}
              </p>
            </div>
          ) : null}
          <TemplateInput
            name={`${base}.url`}
            label={t("direction")}
            placeholder="https://crm.example.com/hooks/calls"
            disabled={readOnly}
            hint={t("directionHint")}
          />
          <ProtocolFields index={index} headers={headers} />

          <HeadersTable index={index} headers={headers} />

          {!isGet && currentFormat === "raw" ? (
            <TemplateInput
              name={`${base}.body`}
              label={t("body")}
              multiline
              disabled={readOnly}
              placeholder='{"call": "{{uniqueid}}"}'
              hint={t("bodyHint")}
            />
          ) : (
            <div>
              <div className="flex items-baseline justify-between">
                <h4 className="text-sm font-medium text-slate-700">{t("parameters")}</h4>
                <p className="text-xs text-slate-500">{t("parametersHint")}</p>
              </div>
              <div className="mt-1.5">
                <ParamList name={`${base}.params`} depth={1} label="" />
              </div>
            </div>
          )}

          <DeliveryOptions
            index={index}
            stored={stored ? { id: stored.id, signing: stored.signing.enabled } : undefined}
          />
        </fieldset>
        <aside className="border-t border-slate-100 bg-slate-50/70 p-5 xl:rounded-br-xl xl:border-t-0 xl:border-l">
          <div className="xl:sticky xl:top-4">
            <RequestPreview index={index} />
          </div>
        </aside>
      </div>
    </section>
  );
}
