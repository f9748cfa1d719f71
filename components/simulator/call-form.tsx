"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { CALL_DIRECTIONS, outcomesFor } from "@/lib/simulator/lifecycle";
import type { SimulatedCallInput } from "@/lib/simulator/simulation-options";

type Props = {
  form: UseFormReturn<SimulatedCallInput, unknown, SimulatedCallInput>;
  onSubmit: () => void;
  pending: boolean;
  formError: string | null;
  canPlay: boolean;
};

function Variable({ name }: { name: string }) {
  return (
    <code className="rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-600">{`{{${name}}}`}</code>
  );
}

export function CallForm({ form, onSubmit, pending, formError, canPlay }: Props) {
  const t = useTranslations("simulator.form");
  const tOutcome = useTranslations("simulator.outcome");
  const { errors } = form.formState;
  const direction = form.watch("direction");

  // The parties change places with the direction: the client who called in is the one called
  // back. An outcome the new direction cannot have falls back to answered.
  const direction_ = form.register("direction", {
    onChange: () => {
      const { caller, number, outcome, direction: next } = form.getValues();
      form.setValue("caller", number);
      form.setValue("number", caller);
      if (!outcomesFor(next).includes(outcome)) form.setValue("outcome", "answered");
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("label")} className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset disabled={!canPlay || pending} className="space-y-5">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("direction")}</legend>
          <div className="mt-1.5 grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1">
            {CALL_DIRECTIONS.map((value) => (
              <label
                key={value}
                className="relative flex cursor-pointer items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 transition has-checked:bg-white has-checked:text-slate-900 has-checked:shadow-xs has-focus-visible:outline-2 has-focus-visible:outline-brand-600 hover:text-slate-900"
              >
                <input type="radio" value={value} className="sr-only" {...direction_} />
                {t(value)}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="grid grid-cols-2 gap-4">
          <Field
            label={t("caller")}
            inputMode="tel"
            autoComplete="off"
            error={errors.caller?.message}
            hint={<Variable name="caller" />}
            {...form.register("caller")}
          />
          <Field
            label={t("number")}
            inputMode="tel"
            autoComplete="off"
            error={errors.number?.message}
            hint={<Variable name="dst" />}
            {...form.register("number")}
          />
        </div>

        <div className="grid grid-cols-[7rem_1fr] gap-4">
          <Field
            label={t("employeeNumber")}
            autoComplete="off"
            error={errors.employeeNumber?.message}
            {...form.register("employeeNumber")}
          />
          <Field
            label={t("employeeName")}
            autoComplete="off"
            error={errors.employeeName?.message}
            {...form.register("employeeName")}
          />
        </div>

        <Field
          label={t("department")}
          autoComplete="off"
          error={errors.department?.message}
          {...form.register("department")}
        />

        <SelectField
          label={t("outcome")}
          error={errors.outcome?.message}
          hint={direction === "outgoing" ? t("outgoingHint") : t("outcomeHint")}
          {...form.register("outcome")}
        >
          {outcomesFor(direction).map((outcome) => (
            <option key={outcome} value={outcome}>
              {tOutcome(outcome)}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <Button type="submit" pending={pending} disabled={!canPlay} className="w-full">
        {pending ? null : (
          <svg viewBox="0 0 20 20" aria-hidden className="size-4 fill-current">
            <path d="M6 4.5v11a.5.5 0 0 0 .77.42l8.5-5.5a.5.5 0 0 0 0-.84l-8.5-5.5A.5.5 0 0 0 6 4.5Z" />
          </svg>
        )}
        {pending ? t("playing") : t("play")}
      </Button>
      {canPlay ? null : <p className="text-center text-xs text-slate-500">{t("adminsOnly")}</p>}
    </form>
  );
}
