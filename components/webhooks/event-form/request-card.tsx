"use client";

import { useId, useState } from "react";
import {
  useController,
  useFieldArray,
  useFormContext,
  useFormState,
  useWatch,
} from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { ArrowDownIcon, ArrowUpIcon, ChevronIcon, TrashIcon } from "@/components/ui/icons";
import { SelectField } from "@/components/ui/select-field";
import {
  DATE_FORMATS,
  type DateFormat,
  defaultContentType,
  type Format,
  METHODS,
  type Method,
} from "@/lib/webhooks/schemas";
import type { WebhookRequestDto } from "@/lib/webhooks/serializers";
import { RequestTarget } from "../request-target";
import { DeliveryOptions } from "./delivery-options";
import { errorAt } from "./errors";
import type { EventFormValues } from "./form-values";
import { HeadersTable } from "./headers-table";
import { ParamList } from "./param-builder";
import { RequestPreview } from "./request-preview";
import { TemplateInput } from "./template-input";
import { useRevealOn, useWizard } from "./wizard-context";

const FORMAT_LABELS: Record<Format, string> = {
  json: "JSON",
  form: "Form (x-www-form-urlencoded)",
  "json-rpc": "JSON-RPC 2.0",
  raw: "Raw body",
};

const EXAMPLE_DATE = "2026-11-27T10:15:04+02:00";
const EXAMPLE_MS = Date.parse(EXAMPLE_DATE);

export const DATE_FORMATS_SHOWN: Record<DateFormat, { label: string; example: string }> = {
  standard: { label: "Standard", example: "2026-11-27 10:15:04" },
  iso8601: { label: "ISO 8601", example: EXAMPLE_DATE },
  unix: { label: "Unix, seconds", example: String(EXAMPLE_MS / 1000) },
  unix_ms: { label: "Unix, milliseconds", example: String(EXAMPLE_MS) },
  dmy: { label: "DD.MM.YYYY", example: "27.11.2026 10:15:04" },
};

type RequestCardProps = {
  index: number;
  count: number;
  stored?: Pick<WebhookRequestDto, "paused" | "signing">;
  onMove: (to: number) => void;
  onRemove: () => void;
};

export function RequestCard({ index, count, stored, onMove, onRemove }: RequestCardProps) {
  const { control, register, getValues } = useFormContext<EventFormValues>();
  const { readOnly } = useWizard();
  const base = `requests.${index}` as const;
  const [open, setOpen] = useState(true);
  useRevealOn(base, () => setOpen(true));
  const headingId = useId();
  const bodyId = useId();

  const headers = useFieldArray({ control, name: `${base}.headers` });
  const method = useController({ control, name: `${base}.method` });
  const format = useController({ control, name: `${base}.format` });
  const url = useWatch({ control, name: `${base}.url` });
  const dateFormat = useWatch({ control, name: `${base}.dateFormat` });
  const { errors } = useFormState({ control, name: base });
  const rpcError = errorAt(errors, `${base}.rpcMethod`);

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
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-slate-200 bg-white shadow-xs"
    >
      <header className="flex items-center gap-3 border-b border-slate-100 px-4 py-3">
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          aria-controls={bodyId}
          aria-label={`${open ? "Collapse" : "Expand"} request ${index + 1}`}
          className="rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <ChevronIcon className={`size-4 transition ${open ? "" : "-rotate-90"}`} />
        </button>
        <h3 id={headingId} className="shrink-0 text-sm font-semibold text-slate-900">
          Request {index + 1}
        </h3>
        <div className="min-w-0 flex-1">
          {url ? (
            <RequestTarget request={{ method: method.field.value, url }} compact />
          ) : (
            <p className="text-xs text-slate-400">No direction yet</p>
          )}
        </div>
        {stored?.paused ? (
          <span title={stored.paused.reason}>
            <Badge tone="amber">Paused</Badge>
          </span>
        ) : null}
        {readOnly ? null : (
          <div className="flex shrink-0 items-center gap-0.5">
            <button
              type="button"
              onClick={() => onMove(index - 1)}
              disabled={index === 0}
              aria-label={`Move request ${index + 1} up`}
              className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-30"
            >
              <ArrowUpIcon />
            </button>
            <button
              type="button"
              onClick={() => onMove(index + 1)}
              disabled={index === count - 1}
              aria-label={`Move request ${index + 1} down`}
              className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-30"
            >
              <ArrowDownIcon />
            </button>
            <button
              type="button"
              onClick={onRemove}
              disabled={count === 1}
              aria-label={`Remove request ${index + 1}`}
              title={count === 1 ? "An event needs at least one request" : "Remove request"}
              className="rounded-md p-1.5 text-slate-400 hover:bg-red-50 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-30"
            >
              <TrashIcon />
            </button>
          </div>
        )}
      </header>
      <div
        id={bodyId}
        hidden={!open}
        className="grid grid-cols-1 xl:grid-cols-[minmax(0,1fr)_22rem]"
      >
        <fieldset disabled={readOnly} className="min-w-0 space-y-5 p-5">
          <legend className="sr-only">Request {index + 1} settings</legend>
          <TemplateInput
            name={`${base}.url`}
            label="Direction"
            placeholder="https://crm.example.com/hooks/calls"
            disabled={readOnly}
            hint={
              <>
                Absolute http:// or https:// URL. Add a port after the host when it is not 80 or
                443, e.g. http://11.111.111.11:8080/hooks; {"{{variables}}"} may stand in the path
                and query.
              </>
            }
          />
          <div className={`grid gap-4 ${isGet ? "grid-cols-2" : "grid-cols-3"}`}>
            <SelectField
              label="Method"
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
                label="Data format"
                name={format.field.name}
                ref={format.field.ref}
                value={currentFormat}
                onChange={(event) => changeProtocol({ format: event.target.value as Format })}
              >
                {(Object.keys(FORMAT_LABELS) as Format[]).map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_LABELS[f]}
                  </option>
                ))}
              </SelectField>
            )}
            <SelectField
              label="Date format"
              {...register(`${base}.dateFormat`)}
              hint={`e.g. ${DATE_FORMATS_SHOWN[dateFormat]?.example ?? ""}`}
            >
              {DATE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {DATE_FORMATS_SHOWN[f].label}
                </option>
              ))}
            </SelectField>
          </div>
          {isGet ? (
            <p className="-mt-2 text-xs text-slate-500">
              GET sends no body: the parameters go into the query string, after the URL's own query.
            </p>
          ) : null}

          {!isGet && currentFormat === "json-rpc" ? (
            <div>
              <label htmlFor={`${bodyId}-rpc`} className="block text-sm font-medium text-slate-700">
                JSON-RPC method
              </label>
              <input
                id={`${bodyId}-rpc`}
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
                <p className="mt-1.5 text-xs text-slate-500">
                  The parameters go into "params"; the id is the delivery id.
                </p>
              )}
            </div>
          ) : null}

          <HeadersTable index={index} headers={headers} />

          {!isGet && currentFormat === "raw" ? (
            <TemplateInput
              name={`${base}.body`}
              label="Body"
              multiline
              disabled={readOnly}
              placeholder='{"call": "{{uniqueid}}"}'
              hint="Sent exactly as written, with {{variables}} replaced; parameters are not used."
            />
          ) : (
            <div>
              <div className="flex items-baseline justify-between">
                <h4 className="text-sm font-medium text-slate-700">Parameters</h4>
                <p className="text-xs text-slate-500">
                  Type {"{{"} in a value for the event's variables
                </p>
              </div>
              <div className="mt-1.5">
                <ParamList name={`${base}.params`} depth={1} label="" />
              </div>
            </div>
          )}

          <DeliveryOptions index={index} secret={stored?.signing.secret} />
        </fieldset>
        <aside className="border-t border-slate-100 bg-slate-50/70 p-5 xl:rounded-br-xl xl:border-t-0 xl:border-l">
          <div className="xl:sticky xl:top-4">
            <RequestPreview index={index} />
          </div>
        </aside>
      </div>
    </section>
  );
}
