"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { useTriggerLabel } from "@/components/i18n/use-trigger-label";
import { WarningIcon } from "@/components/ui/icons";
import { useFieldPathText } from "./field-labels";
import type { EventFormValues } from "./form-values";
import { findMissingVariables, type MissingVariable, removalEdit } from "./missing-variables";
import { useWizard } from "./wizard-context";

/**
 * Lists, above the wizard, every variable the requests use that the chosen event does not
 * carry, with a Fix (go to the field) and a Remove (take the variable out) for each.
 */
export function MissingVariablesNotice() {
  const { control, getValues, setValue, trigger } = useFormContext<EventFormValues>();
  const { revealField } = useWizard();
  const t = useTranslations("missingVariables");
  const triggerLabel = useTriggerLabel();
  const describeFieldPath = useFieldPathText();
  const type = useWatch({ control, name: "type" });
  // Subscribes to every change of the requests; the list is computed fresh from the values.
  useWatch({ control, name: "requests" });
  const missing = findMissingVariables(getValues());
  if (!type || missing.length === 0) return null;
  const { group, label } = triggerLabel(type);
  const variables = [...new Set(missing.map((m) => m.variable))];

  function remove(item: MissingVariable) {
    const edit = removalEdit(getValues(), item);
    if (!edit) return;
    setValue(edit.name as "name", edit.value as string, { shouldDirty: true });
  }

  function removeAll() {
    // Each removal may shift the positions of the others: recompute after every one.
    for (let guard = 0; guard < 500; guard += 1) {
      const next = findMissingVariables(getValues())[0];
      if (!next) break;
      remove(next);
    }
    void trigger();
  }

  return (
    <section
      aria-labelledby="missing-variables-title"
      className="rounded-xl border border-amber-200 bg-amber-50 px-5 py-4"
    >
      <div className="flex items-start gap-3">
        <WarningIcon className="mt-0.5 size-5 shrink-0 text-amber-600" />
        <div className="min-w-0 flex-1">
          <h2 id="missing-variables-title" className="text-sm font-semibold text-amber-900">
            {t("title", { group, label, count: variables.length })}
          </h2>
          <p className="mt-0.5 text-sm text-amber-800">{t("text")}</p>
          <ul className="mt-3 divide-y divide-amber-200/70 rounded-lg border border-amber-200 bg-white/70">
            {missing.map((item) => (
              <li
                key={`${item.field}-${item.variable}`}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
              >
                <code className="rounded bg-red-50 px-1.5 py-0.5 font-mono text-xs text-red-700">
                  {`{{${item.variable}}}`}
                </code>
                <span className="min-w-0 flex-1 text-slate-600">
                  {describeFieldPath(item.field)}
                </span>
                <span className="flex gap-1">
                  <button
                    type="button"
                    onClick={() => revealField(item.field)}
                    aria-label={t("fixLabel", {
                      variable: `{{${item.variable}}}`,
                      field: describeFieldPath(item.field),
                    })}
                    className="rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                  >
                    {t("fix")}
                  </button>
                  <button
                    type="button"
                    onClick={() => remove(item)}
                    aria-label={t("removeLabel", {
                      variable: `{{${item.variable}}}`,
                      field: describeFieldPath(item.field),
                    })}
                    className="rounded-md px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600"
                  >
                    {t("remove")}
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {missing.length > 1 ? (
            <button
              type="button"
              onClick={removeAll}
              className="mt-3 rounded-md bg-white px-3 py-1.5 text-sm font-medium text-red-700 shadow-xs ring-1 ring-red-200 ring-inset hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600"
            >
              {t("removeAll", { count: missing.length })}
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
