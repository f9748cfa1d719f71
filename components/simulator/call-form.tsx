"use client";

import type { UseFormReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import {
  CALL_DIRECTIONS,
  type CallDirection,
  OUTCOME_LABELS,
  outcomesFor,
} from "@/lib/simulator/lifecycle";
import type { SimulatedCallInput } from "@/lib/simulator/simulation-options";

const DIRECTION_LABELS: Record<CallDirection, string> = {
  incoming: "Incoming",
  outgoing: "Outgoing",
};

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
    <form onSubmit={onSubmit} noValidate aria-label="Call to simulate" className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <fieldset disabled={!canPlay || pending} className="space-y-5">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Direction</legend>
          <div className="mt-1.5 grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1">
            {CALL_DIRECTIONS.map((value) => (
              <label
                key={value}
                className="relative flex cursor-pointer items-center justify-center rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 transition has-checked:bg-white has-checked:text-slate-900 has-checked:shadow-xs has-focus-visible:outline-2 has-focus-visible:outline-brand-600 hover:text-slate-900"
              >
                <input type="radio" value={value} className="sr-only" {...direction_} />
                {DIRECTION_LABELS[value]}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="grid grid-cols-2 gap-4">
          <Field
            label="Caller"
            inputMode="tel"
            autoComplete="off"
            error={errors.caller?.message}
            hint={<Variable name="caller" />}
            {...form.register("caller")}
          />
          <Field
            label="Called number"
            inputMode="tel"
            autoComplete="off"
            error={errors.number?.message}
            hint={<Variable name="dst" />}
            {...form.register("number")}
          />
        </div>

        <div className="grid grid-cols-[7rem_1fr] gap-4">
          <Field
            label="Employee no."
            autoComplete="off"
            error={errors.employeeNumber?.message}
            {...form.register("employeeNumber")}
          />
          <Field
            label="Employee name"
            autoComplete="off"
            error={errors.employeeName?.message}
            {...form.register("employeeName")}
          />
        </div>

        <Field
          label="Department"
          autoComplete="off"
          error={errors.department?.message}
          {...form.register("department")}
        />

        <SelectField
          label="Outcome"
          error={errors.outcome?.message}
          hint={
            direction === "outgoing"
              ? "Outgoing calls have no forwarding or evaluation moment."
              : "Decides which moments of the call happen."
          }
          {...form.register("outcome")}
        >
          {outcomesFor(direction).map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_LABELS[outcome]}
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
        {pending ? "Playing the call…" : "Play the call"}
      </Button>
      {canPlay ? null : (
        <p className="text-center text-xs text-slate-500">Only admins can play simulated calls.</p>
      )}
    </form>
  );
}
