"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Controller, useFormContext, useFormState, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { Switch } from "@/components/ui/switch";
import { errorAt } from "./errors";
import type { EventFormValues } from "./form-values";
import { SigningSecret } from "./signing-secret";
import { useWizard } from "./wizard-context";

/** Timeout, retries, politeness limits and signing, folded into one line until opened. */
export function DeliveryOptions({
  index,
  stored,
}: {
  index: number;
  /** The saved request: its id, and whether the server keeps a signing secret for it. */
  stored?: { id: string; signing: boolean };
}) {
  const { control, register } = useFormContext<EventFormValues>();
  const { readOnly } = useWizard();
  const base = `requests.${index}` as const;
  const timeoutMs = useWatch({ control, name: `${base}.timeoutMs` });
  const retry = useWatch({ control, name: `${base}.retry` });
  const signing = useWatch({ control, name: `${base}.signing.enabled` });
  const delivery = useWatch({ control, name: `${base}.delivery` });
  const { errors } = useFormState({ control, name: base });
  const timeoutError = errorAt(errors, `${base}.timeoutMs`);
  const attemptsError = errorAt(errors, `${base}.retry.attempts`);
  const inFlightError = errorAt(errors, `${base}.delivery.maxInFlight`);
  const rateError = errorAt(errors, `${base}.delivery.ratePerSecond`);
  const id = useId();
  const t = useTranslations("deliveryOptions");

  const summary = [
    t("timeout", { seconds: Number.isFinite(timeoutMs) ? String(timeoutMs / 1000) : "?" }),
    retry?.attempts === 1
      ? t("noResend")
      : t("attemptsSchedule", {
          attempts: shownNumber(retry?.attempts),
          schedule:
            retry?.schedule === "fixed"
              ? t("summaryFixed")
              : retry?.schedule === "exponential"
                ? t("summaryExponential")
                : "",
        }),
    t("atOnce", { count: shownNumber(delivery?.maxInFlight) }),
    ...(delivery?.ratePerSecond && Number.isFinite(delivery.ratePerSecond)
      ? [t("atMost", { rate: String(delivery.ratePerSecond) })]
      : []),
    signing ? t("signed") : t("notSigned"),
  ].join(" · ");

  return (
    <details
      className="group rounded-lg border border-slate-200 bg-slate-50/60"
      open={Boolean(timeoutError || attemptsError || inFlightError || rateError) || undefined}
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-lg px-3 py-2.5 text-sm focus-visible:outline-2 focus-visible:outline-brand-600">
        <span className="font-medium text-slate-700">{t("title")}</span>
        <span className="truncate text-xs text-slate-500">{summary}</span>
      </summary>
      <div className="grid grid-cols-3 gap-4 border-t border-slate-200 px-3 py-3">
        <Controller
          control={control}
          name={`${base}.timeoutMs`}
          render={({ field }) => (
            <Field
              label={t("timeoutLabel")}
              type="number"
              min={1}
              max={30}
              step={1}
              name={field.name}
              ref={field.ref}
              value={Number.isFinite(field.value) ? field.value / 1000 : ""}
              onChange={(event) =>
                field.onChange(
                  event.target.value === ""
                    ? Number.NaN
                    : Math.round(Number(event.target.value) * 1000),
                )
              }
              onBlur={field.onBlur}
              error={timeoutError}
            />
          )}
        />
        <Field
          label={t("attempts")}
          type="number"
          min={1}
          max={10}
          step={1}
          {...register(`${base}.retry.attempts`, { valueAsNumber: true })}
          error={attemptsError}
          hint={t("attemptsHint")}
        />
        <SelectField label={t("schedule")} {...register(`${base}.retry.schedule`)}>
          <option value="exponential">{t("exponential")}</option>
          <option value="fixed">{t("fixed")}</option>
        </SelectField>
        <Field
          label={t("inFlight")}
          type="number"
          min={1}
          max={100}
          step={1}
          {...register(`${base}.delivery.maxInFlight`, { valueAsNumber: true })}
          error={inFlightError}
          hint={t("inFlightHint")}
        />
        <Controller
          control={control}
          name={`${base}.delivery.ratePerSecond`}
          render={({ field }) => (
            <Field
              label={t("rate")}
              type="number"
              min={1}
              max={1000}
              step={1}
              placeholder={t("noLimit")}
              name={field.name}
              ref={field.ref}
              value={field.value ?? ""}
              onChange={(event) =>
                field.onChange(event.target.value === "" ? null : Number(event.target.value))
              }
              onBlur={field.onBlur}
              error={rateError}
              hint={t("rateHint")}
            />
          )}
        />
        <p className="self-center text-xs text-slate-500">{t("flooding")}</p>
        <div className="col-span-3 flex items-start gap-3">
          <Controller
            control={control}
            name={`${base}.signing.enabled`}
            render={({ field }) => (
              <Switch
                checked={field.value}
                onChange={field.onChange}
                label={t("sign")}
                disabled={readOnly}
              />
            )}
          />
          <div className="text-sm" id={`${id}-signing`}>
            <p className="font-medium text-slate-700">{t("sign")}</p>
            <p className="text-xs text-slate-500">
              {/* Header names are code in every language. */}
              {t.rich("signText", {
                code: (chunks) => <code className="font-mono">{chunks}</code>,
              })}
            </p>
            {signing ? (
              <SigningSecret
                key={stored?.id ?? "new"}
                requestId={stored?.signing ? stored.id : undefined}
              />
            ) : null}
          </div>
        </div>
      </div>
    </details>
  );
}

/** A number field's value for the summary line; an emptied field (NaN) reads "?". */
function shownNumber(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? String(value) : "?";
}
