"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useFormState, useWatch } from "react-hook-form";
import { useVariableProblem } from "@/components/i18n/use-variable-problem";
import { PlusIcon, XIcon } from "@/components/ui/icons";
import { LIMITS } from "@/lib/model/event-schema";
import { singlePlaceholder } from "@/lib/model/template";
import { errorAt } from "./errors";
import type { EventFormValues, FormArrayItem, ItemsPath } from "./form-values";
import { ParamList } from "./param-builder";
import { useTemplateProblems } from "./template-text";
import { VariablePicker } from "./variable-picker";
import { useWizard } from "./wizard-context";

/**
 * An array parameter: variables as chips (a multiselect of the trigger type's variables), free
 * text items as small inputs, and object items as nested parameter lists, in the array's order.
 */
export function ArrayItems({ name, depth, label }: { name: string; depth: number; label: string }) {
  const { control, register } = useFormContext<EventFormValues>();
  const { readOnly } = useWizard();
  const path = name as ItemsPath;
  const { fields, append, remove } = useFieldArray({ control, name: path });
  const items = (useWatch({ control, name: path }) ?? []) as FormArrayItem[];
  const type = useWatch({ control, name: "type" });
  const { errors } = useFormState({ control, name: path });
  const t = useTranslations("params");
  const templateProblems = useTemplateProblems();
  const variableProblem = useVariableProblem();

  const variableOf = (item: FormArrayItem | undefined) =>
    item?.kind === "text" ? singlePlaceholder(item.value) : null;
  const selected = items.map(variableOf).filter((v): v is string => v !== null);
  const problems = [
    ...new Set(
      items.flatMap((item) =>
        item.kind === "text" ? templateProblems(item.value, type).map((p) => p.shown) : [],
      ),
    ),
  ];

  function toggleVariable(id: string) {
    const index = items.findIndex((item) => variableOf(item) === id);
    if (index >= 0) remove(index);
    else append({ kind: "text", value: `{{${id}}}` }, { shouldFocus: false });
  }

  const canNestObject = depth + 2 <= LIMITS.depth;

  const objectItems = fields.flatMap((field, index) => {
    const item = items[index];
    return item?.kind === "object" ? [{ field, index }] : [];
  });

  // Two grid items of the parameter row: the chips beside the type, the object items below
  // across the whole row, where nested parameters have room.
  return (
    <>
      <div data-field={name} className="min-w-0">
        <div className="flex min-h-[38px] flex-wrap items-center gap-1.5 rounded-md border border-slate-300 bg-white px-1.5 py-1 shadow-xs">
          {fields.map((field, index) => {
            const item = items[index];
            if (!item) return null;
            if (item.kind === "object") {
              return (
                <span
                  key={field.id}
                  className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200 ring-inset"
                >
                  {t("objectChip", { number: index + 1 })}
                </span>
              );
            }
            const itemError = errorAt(errors, `${name}.${index}.value`);
            const variable = variableOf(item);
            const problem =
              variable && type ? (variableProblem(variable, type)?.shown ?? null) : null;
            const tone =
              problem || itemError
                ? "bg-red-50 text-red-700 ring-red-200"
                : variable
                  ? "bg-brand-50 text-brand-700 ring-brand-100"
                  : "bg-slate-100 text-slate-700 ring-slate-200";
            return (
              <span
                key={field.id}
                title={problem ?? itemError ?? undefined}
                className={`inline-flex max-w-full items-center gap-0.5 rounded-md py-0.5 pr-0.5 pl-2 font-mono text-xs ring-1 ring-inset ${tone}`}
              >
                {variable ? (
                  <span
                    className={
                      problem
                        ? "underline decoration-red-500 decoration-wavy underline-offset-2"
                        : ""
                    }
                  >
                    {`{{${variable}}}`}
                  </span>
                ) : (
                  <>
                    <label htmlFor={`${field.id}-value`} className="sr-only">
                      {t("item", { number: index + 1, label })}
                    </label>
                    <input
                      id={`${field.id}-value`}
                      {...register(`${path}.${index}.value`)}
                      placeholder={t("textPlaceholder")}
                      spellCheck={false}
                      autoComplete="off"
                      className="field-sizing-content min-w-12 max-w-64 bg-transparent outline-none"
                    />
                  </>
                )}
                {readOnly ? null : (
                  <button
                    type="button"
                    onClick={() => remove(index)}
                    aria-label={t("removeItem", {
                      item: variable ? `{{${variable}}}` : index + 1,
                      label,
                    })}
                    className="rounded p-0.5 opacity-60 hover:bg-white/70 hover:opacity-100"
                  >
                    <XIcon className="size-3" />
                  </button>
                )}
              </span>
            );
          })}
          {readOnly ? null : (
            <span className="ml-auto flex items-center gap-0.5">
              <VariablePicker
                type={type}
                label={t("variables", { label })}
                selected={selected}
                onPick={toggleVariable}
                buttonClassName="inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <PlusIcon className="size-3.5" />
                {t("variable")}
              </VariablePicker>
              <button
                type="button"
                onClick={() => append({ kind: "text", value: "" }, { shouldFocus: true })}
                aria-label={t("addText", { label })}
                className="inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <PlusIcon className="size-3.5" />
                {t("typeText")}
              </button>
              {canNestObject ? (
                <button
                  type="button"
                  onClick={() => append({ kind: "object", fields: [] })}
                  aria-label={t("addObject", { label })}
                  className="inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  <PlusIcon className="size-3.5" />
                  {t("typeObject")}
                </button>
              ) : null}
            </span>
          )}
        </div>
        {fields.length === 0 ? (
          <p className="mt-1 text-xs text-slate-500">{t("emptyArray")}</p>
        ) : null}
        {problems.length > 0 ? (
          <ul className="mt-1 space-y-0.5 text-xs text-red-700">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {objectItems.length > 0 ? (
        <div className="col-span-full row-start-2 ml-2 space-y-2 border-l-2 border-brand-100 pl-3">
          {objectItems.map(({ field, index }) => (
            <div key={field.id} className="rounded-md border border-slate-200 bg-slate-50 p-2">
              <div className="mb-2 flex items-center justify-between text-xs font-medium text-slate-500">
                {t("objectItem", { number: index + 1, label })}
                {readOnly ? null : (
                  <button
                    type="button"
                    onClick={() => remove(index)}
                    aria-label={t("removeItem", { item: index + 1, label })}
                    className="rounded p-1 text-slate-400 hover:bg-slate-200 hover:text-slate-700"
                  >
                    <XIcon className="size-3.5" />
                  </button>
                )}
              </div>
              <ParamList
                name={`${name}.${index}.fields`}
                depth={depth + 2}
                label={`${label}.${index + 1}.`}
              />
            </div>
          ))}
        </div>
      ) : null}
    </>
  );
}
