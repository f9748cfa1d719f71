"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import { PlusIcon } from "@/components/ui/icons";
import { type EventFormValues, newParam, type ParamsPath } from "./form-values";
import { ParamRow } from "./param-row";
import { useWizard } from "./wizard-context";

/** The parameters of a request, or the fields of an object parameter, at any depth. */
export function ParamList({
  name,
  depth,
  label,
}: {
  name: string;
  /** 1 for a request's parameters; each object level adds one. */
  depth: number;
  /** Position prefix for the rows' labels: "" at the top, "2." inside parameter 2. */
  label: string;
}) {
  const { control } = useFormContext<EventFormValues>();
  const { readOnly } = useWizard();
  const { fields, append, remove } = useFieldArray({ control, name: name as ParamsPath });
  const nested = depth > 1;
  const t = useTranslations("params");
  return (
    <div className="space-y-2">
      {fields.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-2.5 text-sm text-slate-500">
          {nested ? t("noFields") : t("noParams")}
        </p>
      ) : null}
      {fields.map((field, index) => (
        <ParamRow
          key={field.id}
          name={`${name}.${index}`}
          depth={depth}
          label={`${label}${index + 1}`}
          onRemove={() => remove(index)}
        />
      ))}
      {readOnly ? null : (
        <button
          type="button"
          onClick={() => append(newParam(), { shouldFocus: true })}
          className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <PlusIcon />
          {nested ? t("addField", { label: label.replace(/\.$/, "") }) : t("add")}
        </button>
      )}
    </div>
  );
}
