"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { WarningIcon } from "@/components/ui/icons";
import { describeTrigger } from "@/lib/model/trigger-types";
import { describeFieldPath } from "./field-labels";
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
  const type = useWatch({ control, name: "type" });
  // Subscribes to every change of the requests; the list is computed fresh from the values.
  useWatch({ control, name: "requests" });
  const missing = findMissingVariables(getValues());
  if (!type || missing.length === 0) return null;
  const { group, label } = describeTrigger(type);
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
            {group}: {label} does not carry{" "}
            {variables.length === 1 ? "a variable" : `${variables.length} variables`} these requests
            use
          </h2>
          <p className="mt-0.5 text-sm text-amber-800">
            Fix each one with a variable this event has, or remove it. The event cannot be saved
            until then.
          </p>
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
                    aria-label={`Fix {{${item.variable}}} in ${describeFieldPath(item.field)}`}
                    className="rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                  >
                    Fix
                  </button>
                  <button
                    type="button"
                    onClick={() => remove(item)}
                    aria-label={`Remove {{${item.variable}}} from ${describeFieldPath(item.field)}`}
                    className="rounded-md px-2 py-1 text-xs font-medium text-red-700 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-red-600"
                  >
                    Remove
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
              Remove all {missing.length}
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
