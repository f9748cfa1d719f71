"use client";

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

  const summary = [
    `timeout ${Number.isFinite(timeoutMs) ? timeoutMs / 1000 : "?"} s`,
    retry?.attempts === 1
      ? "no resend"
      : `${retry?.attempts ?? "?"} attempts, ${retry?.schedule ?? ""}`,
    `${delivery?.maxInFlight ?? "?"} at once`,
    ...(delivery?.ratePerSecond ? [`at most ${delivery.ratePerSecond}/s`] : []),
    signing ? "signed" : "not signed",
  ].join(" · ");

  return (
    <details
      className="group rounded-lg border border-slate-200 bg-slate-50/60"
      open={Boolean(timeoutError || attemptsError || inFlightError || rateError) || undefined}
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-lg px-3 py-2.5 text-sm focus-visible:outline-2 focus-visible:outline-brand-600">
        <span className="font-medium text-slate-700">Delivery</span>
        <span className="truncate text-xs text-slate-500">{summary}</span>
      </summary>
      <div className="grid grid-cols-3 gap-4 border-t border-slate-200 px-3 py-3">
        <Controller
          control={control}
          name={`${base}.timeoutMs`}
          render={({ field }) => (
            <Field
              label="Timeout, s"
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
          label="Attempts"
          type="number"
          min={1}
          max={10}
          step={1}
          {...register(`${base}.retry.attempts`, { valueAsNumber: true })}
          error={attemptsError}
          hint="1 = send once, no resend"
        />
        <SelectField label="Retry schedule" {...register(`${base}.retry.schedule`)}>
          <option value="exponential">Exponential with jitter</option>
          <option value="fixed">Every minute</option>
        </SelectField>
        <Field
          label="Requests at once"
          type="number"
          min={1}
          max={100}
          step={1}
          {...register(`${base}.delivery.maxInFlight`, { valueAsNumber: true })}
          error={inFlightError}
          hint="More wait in the queue"
        />
        <Controller
          control={control}
          name={`${base}.delivery.ratePerSecond`}
          render={({ field }) => (
            <Field
              label="Requests per second"
              type="number"
              min={1}
              max={1000}
              step={1}
              placeholder="No limit"
              name={field.name}
              ref={field.ref}
              value={field.value ?? ""}
              onChange={(event) =>
                field.onChange(event.target.value === "" ? null : Number(event.target.value))
              }
              onBlur={field.onBlur}
              error={rateError}
              hint="Empty: no limit"
            />
          )}
        />
        <p className="self-center text-xs text-slate-500">
          Keeps a small CRM from being flooded; nothing is dropped.
        </p>
        <div className="col-span-3 flex items-start gap-3">
          <Controller
            control={control}
            name={`${base}.signing.enabled`}
            render={({ field }) => (
              <Switch
                checked={field.value}
                onChange={field.onChange}
                label="Sign requests"
                disabled={readOnly}
              />
            )}
          />
          <div className="text-sm" id={`${id}-signing`}>
            <p className="font-medium text-slate-700">Sign requests</p>
            <p className="text-xs text-slate-500">
              Adds webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks)
              so the receiver can check the request came from us.
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
