"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { ChevronIcon } from "@/components/ui/icons";
import type { EventFormValues, ParamsPath } from "./form-values";

/** The name's problem as typed, with the one-click fix for a name that needs `{{ }}`. */
export function ParamNameMessage({
  id,
  name,
  message,
  onWrap,
}: {
  id: string;
  name: string;
  message: string;
  onWrap?: () => void;
}) {
  const t = useTranslations("params");
  return (
    <div id={id} className="mt-1.5 flex flex-wrap items-center gap-2 text-sm">
      <p role="alert" className="text-red-600">
        {name ? `${name}: ` : ""}
        {message}
      </p>
      {onWrap ? (
        <button
          type="button"
          onClick={onWrap}
          className="rounded-md bg-white px-2 py-0.5 font-mono text-xs font-medium text-brand-700 ring-1 ring-brand-100 ring-inset hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {t("wrap")}
        </button>
      ) : null}
    </div>
  );
}

/** An object parameter's value cell: how many fields, and the collapse toggle. */
export function ObjectSummary({
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
  const t = useTranslations("params");
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={open}
      aria-controls={controls}
      aria-label={open ? t("collapse", { label }) : t("expand", { label })}
      className="flex h-[38px] w-full items-center gap-2 rounded-md px-2 text-left text-sm text-slate-600 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <ChevronIcon className={`size-4 transition ${open ? "" : "-rotate-90"}`} />
      {t("objectSummary", { count: fields.length })}
    </button>
  );
}
