"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { TrashIcon } from "@/components/ui/icons";
import { isValidParamName, LIMITS } from "@/lib/model/event-schema";
import { ArrayItems } from "./array-items";
import { errorAt } from "./errors";
import {
  convertParam,
  type EventFormValues,
  type FormParam,
  type FormParamType,
  type ParamPath,
} from "./form-values";
import { ParamList } from "./param-builder";
import { ObjectSummary, ParamNameMessage } from "./param-parts";
import { TemplateInput } from "./template-input";
import { useRevealOn, useWizard } from "./wizard-context";

/** The value types; a hash type is named by its algorithm in every language. */
const TYPE_OPTIONS: Array<{
  value: FormParamType;
  label: "typeText" | "typeArray" | "typeObject" | null;
}> = [
  { value: "text", label: "typeText" },
  { value: "array", label: "typeArray" },
  { value: "object", label: "typeObject" },
  { value: "md5", label: null },
  { value: "crc32", label: null },
  { value: "sha1", label: null },
  { value: "sha256", label: null },
];

const INPUT =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-xs outline-none focus:ring-2 disabled:bg-slate-50";

/** One parameter: name (checked as typed), type, and the value editor of that type. */
export function ParamRow({
  name,
  depth,
  label,
  onRemove,
}: {
  name: string;
  depth: number;
  label: string;
  onRemove: () => void;
}) {
  const { control, register, getValues, setValue } = useFormContext<EventFormValues>();
  const { readOnly } = useWizard();
  const path = name as ParamPath;
  const type = useWatch({ control, name: `${path}.type` });
  const paramName = useWatch({ control, name: `${path}.name` }) ?? "";
  const { errors } = useFormState({ control, name: path });
  const [open, setOpen] = useState(true);
  useRevealOn(name, () => setOpen(true));
  const nestedId = useId();
  const t = useTranslations("params");
  const schemaMessage = useTranslations("schemaMessages");

  const nameError = errorAt(errors, `${name}.name`);
  const badName = paramName !== "" && !isValidParamName(paramName);
  // The live check words the rule as the form's validation does (NAME_MESSAGE, schemaMessages.paramName).
  const shownNameError = nameError ?? (badName ? schemaMessage("paramName") : undefined);
  const nameErrorId = `${nestedId}-name-error`;

  function changeType(next: FormParamType) {
    const current = getValues(path) as FormParam;
    setValue(path, convertParam(current, next), { shouldDirty: true, shouldValidate: false });
  }

  function wrapName() {
    const bare = paramName.replace(/[{}]/g, "").trim();
    setValue(`${path}.name`, `{{${bare}}}`, { shouldDirty: true, shouldValidate: true });
  }

  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-2.5" data-field={name}>
      <legend className="sr-only">{t("legend", { label })}</legend>
      <div className="grid grid-cols-[minmax(5.5rem,10rem)_6.5rem_minmax(0,1fr)_auto] items-start gap-2">
        <div>
          <label htmlFor={`${nestedId}-name`} className="sr-only">
            {t("name", { label })}
          </label>
          <input
            id={`${nestedId}-name`}
            {...register(`${path}.name`)}
            placeholder={t("namePlaceholder")}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={shownNameError ? true : undefined}
            aria-describedby={shownNameError ? nameErrorId : undefined}
            className={`${INPUT} ${
              shownNameError
                ? "border-red-400 focus:ring-red-100"
                : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
            }`}
          />
        </div>
        <div>
          <label htmlFor={`${nestedId}-type`} className="sr-only">
            {t("type", { label })}
          </label>
          <select
            id={`${nestedId}-type`}
            value={type}
            onChange={(event) => changeType(event.target.value as FormParamType)}
            className={`${INPUT} border-slate-300 px-2 focus:border-brand-500 focus:ring-brand-100`}
          >
            {TYPE_OPTIONS.map((option) => (
              <option
                key={option.value}
                value={option.value}
                disabled={option.value === "object" && depth >= LIMITS.depth}
              >
                {option.label ? t(option.label) : option.value}
              </option>
            ))}
          </select>
        </div>
        {type === "array" ? (
          <ArrayItems name={`${name}.items`} depth={depth} label={label} />
        ) : (
          <div className="min-w-0">
            {type === "object" ? (
              <ObjectSummary
                name={`${name}.fields`}
                open={open}
                onToggle={() => setOpen(!open)}
                controls={`${nestedId}-fields`}
                label={label}
              />
            ) : (
              <TemplateInput
                name={`${name}.value`}
                label={type === "text" ? t("value", { label }) : t("hashValue", { label, type })}
                hideLabel
                placeholder={type === "text" ? t("valuePlaceholder") : t("hashPlaceholder")}
                disabled={readOnly}
              />
            )}
          </div>
        )}
        {readOnly ? (
          <span className="col-start-4 row-start-1 w-8" />
        ) : (
          <button
            type="button"
            onClick={onRemove}
            aria-label={t("remove", { label })}
            title={t("removeTitle")}
            className="col-start-4 row-start-1 rounded-md p-2 text-slate-400 hover:bg-red-50 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <TrashIcon />
          </button>
        )}
      </div>
      {shownNameError ? (
        <ParamNameMessage
          id={nameErrorId}
          name={paramName}
          message={shownNameError}
          onWrap={badName && !readOnly ? wrapName : undefined}
        />
      ) : null}
      {type === "object" ? (
        <div
          id={`${nestedId}-fields`}
          hidden={!open}
          className="mt-2 ml-2 border-l-2 border-brand-100 pl-3"
        >
          <ParamList name={`${name}.fields`} depth={depth + 1} label={`${label}.`} />
        </div>
      ) : null}
    </fieldset>
  );
}
