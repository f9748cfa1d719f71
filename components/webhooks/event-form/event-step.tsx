"use client";

import { useId } from "react";
import { Controller, useFormContext, useFormState, useWatch } from "react-hook-form";
import { ChipsInput } from "@/components/ui/chips-input";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { Switch } from "@/components/ui/switch";
import { DISPOSITIONS } from "@/lib/model/call-event";
import { variablesFor } from "@/lib/model/catalog";
import { TRIGGER_LABELS, TRIGGER_TYPES, type TriggerGroup } from "@/lib/model/trigger-types";
import { errorAt } from "./errors";
import type { EventFormValues } from "./form-values";
import { useWizard } from "./wizard-context";

const GROUPS: TriggerGroup[] = ["Incoming call", "Outgoing call"];

/** Step 1: what the event is called, which moment of the call fires it, and for which calls. */
export function EventStep() {
  const { control, register, trigger } = useFormContext<EventFormValues>();
  const { readOnly } = useWizard();
  const { errors } = useFormState({ control });
  const type = useWatch({ control, name: "type" });
  const conditions = useWatch({ control, name: "conditions" });
  const id = useId();
  const activeConditions =
    conditions.employeeNumbers.length +
    conditions.departments.length +
    conditions.dispositions.length +
    (conditions.minDurationSec === null || Number.isNaN(conditions.minDurationSec) ? 0 : 1);
  const variables = type ? variablesFor(type) : [];
  // Before the first save the form validates on Next only: a field shown wrong is re-checked
  // as soon as it changes, so its message goes away when it is right.
  const recheck = (name: "name" | "type" | "conditions.minDurationSec") => ({
    onChange: () => (errorAt(errors, name) ? trigger(name) : undefined),
  });

  return (
    <fieldset disabled={readOnly} className="space-y-6">
      <legend className="sr-only">Event</legend>
      <section className="rounded-xl border border-slate-200 bg-white px-6 py-5 shadow-xs">
        <div className="grid grid-cols-2 gap-5">
          <Field
            label="Name"
            placeholder="CRM after call"
            autoComplete="off"
            {...register("name", recheck("name"))}
            error={errorAt(errors, "name")}
            hint="Shown in the table and in the delivery log."
          />
          <SelectField
            label="Event"
            {...register("type", recheck("type"))}
            error={errorAt(errors, "type")}
            hint={
              type
                ? `Carries ${variables.length} variables, e.g. ${variables
                    .slice(0, 4)
                    .map((v) => `{{${v.id}}}`)
                    .join(", ")}`
                : "The moment of the call that sends the webhook requests."
            }
          >
            <option value="" disabled>
              Choose the moment…
            </option>
            {GROUPS.map((group) => (
              <optgroup key={group} label={group}>
                {TRIGGER_TYPES.filter((t) => TRIGGER_LABELS[t].group === group).map((t) => (
                  <option key={t} value={t}>
                    {TRIGGER_LABELS[t].label}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
        <div className="mt-5 flex items-center gap-3">
          <Controller
            control={control}
            name="enabled"
            render={({ field }) => (
              <Switch checked={field.value} onChange={field.onChange} label="Enabled" />
            )}
          />
          <span className="text-sm text-slate-700">
            Enabled: send the webhook requests when calls reach this moment
          </span>
        </div>
      </section>

      <details
        className="group rounded-xl border border-slate-200 bg-white shadow-xs"
        open={activeConditions > 0 || undefined}
      >
        <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded-xl px-6 py-4 focus-visible:outline-2 focus-visible:outline-brand-600">
          <span>
            <span className="block text-base font-semibold text-slate-900">
              Conditions <span className="font-normal text-slate-500">(optional)</span>
            </span>
            <span className="mt-0.5 block text-sm text-slate-500">
              {activeConditions === 0
                ? "Every call at this moment sends the requests. Narrow it down by employee, department, call status or duration."
                : `${activeConditions} ${activeConditions === 1 ? "condition" : "conditions"}: only matching calls send the requests.`}
            </span>
          </span>
          <span className="text-sm font-medium text-brand-700 group-open:hidden">Show</span>
          <span className="hidden text-sm font-medium text-brand-700 group-open:inline">Hide</span>
        </summary>
        <div className="grid grid-cols-2 gap-5 border-t border-slate-100 px-6 py-5">
          <Controller
            control={control}
            name="conditions.employeeNumbers"
            render={({ field }) => (
              <ChipsInput
                label="Employees"
                value={field.value}
                onChange={field.onChange}
                placeholder="Internal number, e.g. 104"
                hint="Internal numbers; Enter adds one. Empty: any employee."
                disabled={readOnly}
                error={errorAt(errors, "conditions.employeeNumbers")}
              />
            )}
          />
          <Controller
            control={control}
            name="conditions.departments"
            render={({ field }) => (
              <ChipsInput
                label="Departments"
                value={field.value}
                onChange={field.onChange}
                placeholder="e.g. Sales"
                hint="Empty: any department."
                disabled={readOnly}
                error={errorAt(errors, "conditions.departments")}
              />
            )}
          />
          <Controller
            control={control}
            name="conditions.dispositions"
            render={({ field }) => (
              <fieldset>
                <legend className="text-sm font-medium text-slate-700">Call statuses</legend>
                <div className="mt-2 flex flex-wrap gap-2">
                  {DISPOSITIONS.map((disposition) => {
                    const checked = field.value.includes(disposition);
                    return (
                      <label
                        key={disposition}
                        className={`inline-flex cursor-pointer items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-inset has-focus-visible:outline-2 has-focus-visible:outline-brand-600 ${
                          checked
                            ? "bg-brand-50 text-brand-700 ring-brand-100"
                            : "bg-white text-slate-600 ring-slate-300 hover:bg-slate-50"
                        }`}
                      >
                        <input
                          type="checkbox"
                          className="sr-only"
                          checked={checked}
                          onChange={() =>
                            field.onChange(
                              checked
                                ? field.value.filter((d) => d !== disposition)
                                : [...field.value, disposition],
                            )
                          }
                        />
                        {disposition}
                      </label>
                    );
                  })}
                </div>
                <p className="mt-1.5 text-xs text-slate-500">
                  Known once the call has ended. None selected: any status.
                </p>
              </fieldset>
            )}
          />
          <Field
            id={`${id}-duration`}
            label="Minimum duration, s"
            type="number"
            min={0}
            step={1}
            placeholder="Any"
            {...register("conditions.minDurationSec", {
              setValueAs: (v: unknown) => (v === "" || v === null ? null : Number(v)),
              ...recheck("conditions.minDurationSec"),
            })}
            error={errorAt(errors, "conditions.minDurationSec")}
            hint="Calls shorter than this send nothing. Known once the call has ended."
          />
        </div>
      </details>
    </fieldset>
  );
}
