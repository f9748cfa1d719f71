"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import {
  type UseFieldArrayReturn,
  useController,
  useFormContext,
  useFormState,
  useWatch,
} from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import {
  DATE_FORMATS,
  type DateFormat,
  defaultContentType,
  type Format,
  METHODS,
  type Method,
} from "@/lib/model/event-schema";
import { errorAt } from "./errors";
import type { EventFormValues } from "./form-values";

/** A message key, or a name shown as it is in every language (a protocol, a notation). */
type Label<Key extends string> = { key: Key } | { name: string };

const FORMAT_LABELS: Record<Format, Label<"formatForm" | "formatRaw">> = {
  json: { name: "JSON" },
  form: { key: "formatForm" },
  "json-rpc": { name: "JSON-RPC 2.0" },
  raw: { key: "formatRaw" },
};

const EXAMPLE_DATE = "2026-11-27T10:15:04+02:00";
const EXAMPLE_MS = Date.parse(EXAMPLE_DATE);

const DATE_FORMATS_SHOWN: Record<
  DateFormat,
  { label: Label<"dateStandard" | "dateUnix" | "dateUnixMs" | "dateDmy">; example: string }
> = {
  standard: { label: { key: "dateStandard" }, example: "2026-11-27 10:15:04" },
  iso8601: { label: { name: "ISO 8601" }, example: EXAMPLE_DATE },
  unix: { label: { key: "dateUnix" }, example: String(EXAMPLE_MS / 1000) },
  unix_ms: { label: { key: "dateUnixMs" }, example: String(EXAMPLE_MS) },
  dmy: { label: { key: "dateDmy" }, example: "27.11.2026 10:15:04" },
};

type HeadersArray = UseFieldArrayReturn<EventFormValues, `requests.${number}.headers`>;

/** Method, data format (not for GET), date format, and the JSON-RPC method when it applies. */
export function ProtocolFields({ index, headers }: { index: number; headers: HeadersArray }) {
  const { control, register, getValues } = useFormContext<EventFormValues>();
  const base = `requests.${index}` as const;
  const method = useController({ control, name: `${base}.method` });
  const format = useController({ control, name: `${base}.format` });
  const dateFormat = useWatch({ control, name: `${base}.dateFormat` });
  const { errors } = useFormState({ control, name: base });
  const rpcError = errorAt(errors, `${base}.rpcMethod`);
  const rpcId = useId();
  const t = useTranslations("protocol");
  const show = (label: Label<Parameters<typeof t>[0]>) =>
    "key" in label ? t(label.key) : label.name;

  /**
   * Keeps the automatic Content-Type in step with method and format: an untouched automatic
   * value follows them (and goes away for GET); an edited or deleted one is left alone.
   */
  function changeProtocol(next: { method?: Method; format?: Format }) {
    const prevMethod = getValues(`${base}.method`);
    const prevFormat = getValues(`${base}.format`);
    const before = defaultContentType(prevMethod, prevFormat);
    const after = defaultContentType(next.method ?? prevMethod, next.format ?? prevFormat);
    if (next.method) method.field.onChange(next.method);
    if (next.format) format.field.onChange(next.format);
    if (before === after) return;
    const list = getValues(`${base}.headers`);
    const at = list.findIndex((h) => h.name.toLowerCase() === "content-type");
    const current = list[at];
    if (current && current.value === before) {
      if (after) headers.update(at, { ...current, value: after });
      else headers.remove(at);
    } else if (at < 0 && before === null && after) {
      headers.prepend({ name: "Content-Type", value: after }, { shouldFocus: false });
    }
  }

  const isGet = method.field.value === "GET";
  const currentFormat = format.field.value;

  return (
    <>
      <div className={`grid gap-4 ${isGet ? "grid-cols-2" : "grid-cols-3"}`}>
        <SelectField
          label={t("method")}
          name={method.field.name}
          ref={method.field.ref}
          value={method.field.value}
          onChange={(event) => changeProtocol({ method: event.target.value as Method })}
        >
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </SelectField>
        {isGet ? null : (
          <SelectField
            label={t("dataFormat")}
            name={format.field.name}
            ref={format.field.ref}
            value={currentFormat}
            onChange={(event) => changeProtocol({ format: event.target.value as Format })}
          >
            {(Object.keys(FORMAT_LABELS) as Format[]).map((f) => (
              <option key={f} value={f}>
                {show(FORMAT_LABELS[f])}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label={t("dateFormat")}
          {...register(`${base}.dateFormat`)}
          hint={t("example", { example: DATE_FORMATS_SHOWN[dateFormat]?.example ?? "" })}
        >
          {DATE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {show(DATE_FORMATS_SHOWN[f].label)}
            </option>
          ))}
        </SelectField>
      </div>
      {isGet ? <p className="-mt-2 text-xs text-slate-500">{t("getNote")}</p> : null}

      {!isGet && currentFormat === "json-rpc" ? (
        <div>
          <label htmlFor={rpcId} className="block text-sm font-medium text-slate-700">
            {t("rpcMethod")}
          </label>
          <input
            id={rpcId}
            {...register(`${base}.rpcMethod`)}
            placeholder="call.finished"
            aria-invalid={rpcError ? true : undefined}
            className={`mt-1.5 block w-full rounded-md border bg-white px-3 py-2 font-mono text-sm shadow-xs outline-none focus:ring-2 ${
              rpcError
                ? "border-red-400 focus:ring-red-100"
                : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
            }`}
          />
          {rpcError ? (
            <p role="alert" className="mt-1.5 text-sm text-red-600">
              {rpcError}
            </p>
          ) : (
            <p className="mt-1.5 text-xs text-slate-500">{t("rpcHint")}</p>
          )}
        </div>
      ) : null}
    </>
  );
}
