"use client";

import { useId, useState } from "react";
import { useFieldArray, useFormContext, useFormState, useWatch } from "react-hook-form";
import { ChevronIcon, PlusIcon, TrashIcon } from "@/components/ui/icons";
import { isValidParamName, LIMITS, NAME_MESSAGE } from "@/lib/webhooks/schemas";
import { ArrayItems } from "./array-items";
import { errorAt } from "./errors";
import {
  convertParam,
  type EventFormValues,
  type FormParam,
  type FormParamType,
  newParam,
  type ParamPath,
  type ParamsPath,
} from "./form-values";
import { TemplateInput } from "./template-input";
import { useRevealOn, useWizard } from "./wizard-context";

const TYPE_OPTIONS: Array<{ value: FormParamType; label: string }> = [
  { value: "text", label: "Text" },
  { value: "array", label: "Array" },
  { value: "object", label: "Object" },
  { value: "md5", label: "md5" },
  { value: "crc32", label: "crc32" },
  { value: "sha1", label: "sha1" },
  { value: "sha256", label: "sha256" },
];

const INPUT =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-xs outline-none focus:ring-2 disabled:bg-slate-50";

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
  return (
    <div className="space-y-2">
      {fields.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 px-3 py-2.5 text-sm text-slate-500">
          {nested
            ? "No fields yet: the object is sent empty."
            : "No parameters yet. Add the values your endpoint expects."}
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
          {nested ? `Add field to parameter ${label.replace(/\.$/, "")}` : "Add parameter"}
        </button>
      )}
    </div>
  );
}

function ParamRow({
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

  const nameError = errorAt(errors, `${name}.name`);
  const badName = paramName !== "" && !isValidParamName(paramName);
  const shownNameError = nameError ?? (badName ? NAME_MESSAGE : undefined);
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
      <legend className="sr-only">Parameter {label}</legend>
      <div className="grid grid-cols-[minmax(5.5rem,10rem)_6.5rem_minmax(0,1fr)_auto] items-start gap-2">
        <div>
          <label htmlFor={`${nestedId}-name`} className="sr-only">
            Parameter {label} name
          </label>
          <input
            id={`${nestedId}-name`}
            {...register(`${path}.name`)}
            placeholder="name"
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
            Parameter {label} type
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
                {option.label}
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
                label={`Parameter ${label} ${type === "text" ? "value" : `value to hash (${type})`}`}
                hideLabel
                placeholder={
                  type === "text"
                    ? "value or {{variable}}"
                    : "text to hash, e.g. {{uniqueid}}:secret"
                }
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
            aria-label={`Remove parameter ${label}`}
            title="Remove parameter"
            className="col-start-4 row-start-1 rounded-md p-2 text-slate-400 hover:bg-red-50 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            <TrashIcon />
          </button>
        )}
      </div>
      {shownNameError ? (
        <div id={nameErrorId} className="mt-1.5 flex flex-wrap items-center gap-2 text-sm">
          <p role="alert" className="text-red-600">
            {paramName ? `${paramName}: ` : ""}
            {shownNameError}
          </p>
          {badName && !readOnly ? (
            <button
              type="button"
              onClick={wrapName}
              className="rounded-md bg-white px-2 py-0.5 font-mono text-xs font-medium text-brand-700 ring-1 ring-brand-100 ring-inset hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              {"Wrap in {{ }}"}
            </button>
          ) : null}
        </div>
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

function ObjectSummary({
  name,
  open,
  onToggle,
  controls,
  label,
}: {
  name: string;
  open: boolean;
  onToggle: () => void;
  controls: string;
  label: string;
}) {
  const { control } = useFormContext<EventFormValues>();
  const fields = useWatch({ control, name: name as ParamsPath }) ?? [];
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={open}
      aria-controls={controls}
      aria-label={`${open ? "Collapse" : "Expand"} parameter ${label}`}
      className="flex h-[38px] w-full items-center gap-2 rounded-md px-2 text-left text-sm text-slate-600 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <ChevronIcon className={`size-4 transition ${open ? "" : "-rotate-90"}`} />
      Object · {fields.length} {fields.length === 1 ? "field" : "fields"}
    </button>
  );
}
