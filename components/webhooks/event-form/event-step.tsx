"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Controller, useFormContext, useFormState, useWatch } from "react-hook-form";
import { useTriggerLabel } from "@/components/i18n/use-trigger-label";
import { ChipsInput } from "@/components/ui/chips-input";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { Switch } from "@/components/ui/switch";
import { DISPOSITIONS } from "@/lib/model/call-event";
import { variablesFor } from "@/lib/model/catalog";
import { TRIGGER_TYPES, type TriggerDirection, triggerGroupOf } from "@/lib/model/trigger-types";
import { errorAt } from "./errors";
import type { EventFormValues } from "./form-values";
import { useWizard } from "./wizard-context";

const GROUPS: TriggerDirection[] = ["incoming", "outgoing"];

/** Step 1: what the event is called, which moment of the call fires it, and for which calls. */
export function EventStep() {
  const t = useTranslations("eventStep");
  const tTrigger = useTranslations("triggers");
  const triggerLabel = useTriggerLabel();
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
      <legend className="sr-only">{t("legend")}</legend>
      <section className="rounded-xl border border-slate-200 bg-white px-6 py-5 shadow-xs">
        <div className="grid grid-cols-2 gap-5">
          <Field
            label={t("name")}
            placeholder={t("namePlaceholder")}
            autoComplete="off"
            {...register("name", recheck("name"))}
            error={errorAt(errors, "name")}
            hint={t("nameHint")}
          />
          <SelectField
            label={t("event")}
            {...register("type", recheck("type"))}
            error={errorAt(errors, "type")}
            hint={
              type
                ? t("carries", {
                    count: variables.length,
                    examples: variables
                      .slice(0, 4)
                      .map((v) => `{{${v.id}}}`)
                      .join(", "),
                  })
                : t("eventHint")
            }
          >
            <option value="" disabled>
              {t("choose")}
            </option>
            {GROUPS.map((group) => (
              <optgroup key={group} label={tTrigger(`group.${group}`)}>
                {TRIGGER_TYPES.filter((type) => triggerGroupOf(type) === group).map((type) => (
                  <option key={type} value={type}>
                    {triggerLabel(type).label}
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
              <Switch checked={field.value} onChange={field.onChange} label={t("enabled")} />
            )}
          />
          <span className="text-sm text-slate-700">{t("enabledText")}</span>
        </div>
      </section>

      <details
        className="group rounded-xl border border-slate-200 bg-white shadow-xs"
        open={activeConditions > 0 || undefined}
      >
        <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded-xl px-6 py-4 focus-visible:outline-2 focus-visible:outline-brand-600">
          <span>
            <span className="block text-base font-semibold text-slate-900">
              {t.rich("conditions", {
                muted: (chunks) => <span className="font-normal text-slate-500">{chunks}</span>,
              })}
            </span>
            <span className="mt-0.5 block text-sm text-slate-500">
              {activeConditions === 0
                ? t("noConditions")
                : t("someConditions", { count: activeConditions })}
            </span>
          </span>
          <span className="text-sm font-medium text-brand-700 group-open:hidden">{t("show")}</span>
          <span className="hidden text-sm font-medium text-brand-700 group-open:inline">
            {t("hide")}
          </span>
        </summary>
        <div className="grid grid-cols-2 gap-5 border-t border-slate-100 px-6 py-5">
          <Controller
            control={control}
            name="conditions.employeeNumbers"
            render={({ field }) => (
              <ChipsInput
                label={t("employees")}
                value={field.value}
                onChange={field.onChange}
                placeholder={t("employeesPlaceholder")}
                hint={t("employeesHint")}
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
                label={t("departments")}
                value={field.value}
                onChange={field.onChange}
                placeholder={t("departmentsPlaceholder")}
                hint={t("departmentsHint")}
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
                <legend className="text-sm font-medium text-slate-700">{t("statuses")}</legend>
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
                <p className="mt-1.5 text-xs text-slate-500">{t("statusesHint")}</p>
              </fieldset>
            )}
          />
          <Field
            id={`${id}-duration`}
            label={t("minDuration")}
            type="number"
            min={0}
            step={1}
            placeholder={t("any")}
            {...register("conditions.minDurationSec", {
              setValueAs: (v: unknown) => (v === "" || v === null ? null : Number(v)),
              ...recheck("conditions.minDurationSec"),
            })}
            error={errorAt(errors, "conditions.minDurationSec")}
            hint={t("minDurationHint")}
          />
        </div>
      </details>
    </fieldset>
  );
}
