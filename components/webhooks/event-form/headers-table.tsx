"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { type UseFieldArrayReturn, useFormContext, useFormState, useWatch } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { defaultContentType } from "@/lib/model/event-schema";
import { isSecretHeader } from "@/lib/model/sensitive";
import { errorAt } from "./errors";
import type { EventFormValues } from "./form-values";
import { TemplateInput } from "./template-input";
import { useWizard } from "./wizard-context";

type HeadersArray = UseFieldArrayReturn<EventFormValues, `requests.${number}.headers`>;

/** The request's headers; the Content-Type the method and format call for is marked automatic. */
export function HeadersTable({ index, headers }: { index: number; headers: HeadersArray }) {
  const { control, register, setValue } = useFormContext<EventFormValues>();
  const { readOnly } = useWizard();
  const base = `requests.${index}` as const;
  const method = useWatch({ control, name: `${base}.method` });
  const format = useWatch({ control, name: `${base}.format` });
  const values = useWatch({ control, name: `${base}.headers` }) ?? [];
  const { errors } = useFormState({ control, name: `${base}.headers` });
  const automatic = defaultContentType(method, format);
  const id = useId();
  const t = useTranslations("headersTable");

  return (
    <div>
      <div className="flex items-baseline justify-between">
        <h4 className="text-sm font-medium text-slate-700">{t("title")}</h4>
        <p className="text-xs text-slate-500">{t("hint")}</p>
      </div>
      {headers.fields.length === 0 ? (
        <p className="mt-1.5 rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-500">
          {t("none")}
          {automatic ? ` ${t("noContentType")}` : null}
        </p>
      ) : (
        <div className="mt-1.5 space-y-2">
          {headers.fields.map((field, i) => {
            const header = values[i];
            const isAutomatic =
              automatic !== null &&
              header?.name.toLowerCase() === "content-type" &&
              header.value === automatic;
            const nameError = errorAt(errors, `${base}.headers.${i}.name`);
            return (
              <div
                key={field.id}
                className="grid grid-cols-[minmax(0,11rem)_minmax(0,1fr)_auto_auto] items-start gap-2"
              >
                <div>
                  <label htmlFor={`${id}-${i}`} className="sr-only">
                    {t("name", { number: i + 1 })}
                  </label>
                  <input
                    id={`${id}-${i}`}
                    {...register(`${base}.headers.${i}.name`)}
                    placeholder={t("namePlaceholder")}
                    autoComplete="off"
                    spellCheck={false}
                    aria-invalid={nameError ? true : undefined}
                    className={`block w-full rounded-md border bg-white px-3 py-2 font-mono text-sm shadow-xs outline-none focus:ring-2 disabled:bg-slate-50 ${
                      nameError
                        ? "border-red-400 focus:ring-red-100"
                        : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
                    }`}
                  />
                  {nameError ? (
                    <p role="alert" className="mt-1 text-xs text-red-600">
                      {nameError}
                    </p>
                  ) : null}
                  {isAutomatic ? (
                    <p className="mt-1">
                      <Badge tone="blue">{t("automatic")}</Badge>
                    </p>
                  ) : null}
                </div>
                <TemplateInput
                  name={`${base}.headers.${i}.value`}
                  label={t("value", { number: i + 1 })}
                  hideLabel
                  disabled={readOnly}
                />
                <label
                  className="flex items-center gap-1.5 py-2 text-xs text-slate-600"
                  title={t("secretTitle")}
                >
                  <input
                    type="checkbox"
                    checked={header ? isSecretHeader(header) : false}
                    disabled={readOnly}
                    onChange={(event) =>
                      setValue(`${base}.headers.${i}.secret`, event.target.checked, {
                        shouldDirty: true,
                      })
                    }
                    aria-label={t("secretLabel", { number: i + 1 })}
                  />
                  {t("secret")}
                </label>
                {readOnly ? (
                  <span className="w-8" />
                ) : (
                  <button
                    type="button"
                    onClick={() => headers.remove(i)}
                    aria-label={t("remove", { name: header?.name || i + 1 })}
                    className="rounded-md p-2 text-slate-400 hover:bg-red-50 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-brand-600"
                  >
                    <TrashIcon />
                  </button>
                )}
              </div>
            );
          })}
        </div>
      )}
      {readOnly ? null : (
        <button
          type="button"
          onClick={() => headers.append({ name: "", value: "" }, { shouldFocus: true })}
          className="mt-2 inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <PlusIcon />
          {t("add")}
        </button>
      )}
    </div>
  );
}
