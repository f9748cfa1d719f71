"use client";

import { useTranslations } from "next-intl";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import type { EventFormValues } from "./form-values";

// Titles and descriptions are keys of the "wizard" catalog namespace.
const STEPS = [
  { step: 1, title: "stepEvent", description: "stepEventText" },
  { step: 2, title: "stepRequests", description: "stepRequestsText" },
] as const;

/** The two steps as tabs-like buttons; a step with errors is marked so the admin finds them. */
export function Stepper({ step, onStep }: { step: 1 | 2; onStep: (step: 1 | 2) => void }) {
  const t = useTranslations("wizard");
  const { control } = useFormContext<EventFormValues>();
  const { errors } = useFormState({ control });
  const requests = useWatch({ control, name: "requests" });
  const hasErrors = {
    1: Boolean(errors.name || errors.type || errors.conditions),
    2: Boolean(errors.requests),
  };
  return (
    <ol aria-label={t("steps")} className="grid grid-cols-2 gap-3">
      {STEPS.map((item) => {
        const current = item.step === step;
        return (
          <li key={item.step}>
            <button
              type="button"
              onClick={() => onStep(item.step)}
              aria-current={current ? "step" : undefined}
              className={`flex w-full items-center gap-3 rounded-xl border px-4 py-3 text-left transition focus-visible:outline-2 focus-visible:outline-brand-600 ${
                current
                  ? "border-brand-500 bg-white shadow-xs ring-1 ring-brand-500"
                  : "border-slate-200 bg-white/60 hover:bg-white"
              }`}
            >
              <span
                className={`grid size-7 shrink-0 place-items-center rounded-full text-sm font-semibold ${
                  hasErrors[item.step]
                    ? "bg-red-100 text-red-700"
                    : current
                      ? "bg-brand-600 text-white"
                      : "bg-slate-100 text-slate-600"
                }`}
              >
                {hasErrors[item.step] ? "!" : item.step}
              </span>
              <span className="min-w-0">
                <span className="block text-sm font-semibold text-slate-900">
                  {t("step", { number: item.step, title: t(item.title) })}
                  {item.step === 2 ? (
                    <span className="ml-1.5 font-normal text-slate-500">
                      {t("requestCount", { count: requests.length })}
                    </span>
                  ) : null}
                </span>
                <span className="block truncate text-xs text-slate-500">
                  {hasErrors[item.step] ? t("hasErrors") : t(item.description)}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
