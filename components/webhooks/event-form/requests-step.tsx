"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext, useFormState } from "react-hook-form";
import { PlusIcon } from "@/components/ui/icons";
import { LIMITS } from "@/lib/model/event-schema";
import type { WebhookRequestDto } from "@/lib/webhooks/serializers";
import { errorAt } from "./errors";
import { type EventFormValues, newRequest } from "./form-values";
import { RequestCard } from "./request-card";
import { useWizard } from "./wizard-context";

/** Step 2: the ordered webhook requests the event sends. */
export function RequestsStep({ stored }: { stored: WebhookRequestDto[] }) {
  const t = useTranslations("requestsStep");
  const { control, getValues } = useFormContext<EventFormValues>();
  const { readOnly } = useWizard();
  const { fields, append, remove, move } = useFieldArray({ control, name: "requests" });
  const { errors } = useFormState({ control, name: "requests" });
  const listError = errorAt(errors, "requests");
  const storedById = new Map(stored.map((r) => [r.id, r]));

  return (
    <div className="space-y-5">
      {listError ? (
        <p role="alert" className="text-sm text-red-600">
          {listError}
        </p>
      ) : null}
      {fields.map((field, index) => {
        const requestId = getValues(`requests.${index}.id`);
        return (
          <RequestCard
            key={field.id}
            index={index}
            count={fields.length}
            stored={requestId ? storedById.get(requestId) : undefined}
            onMove={(to) => move(index, to)}
            onRemove={() => remove(index)}
          />
        );
      })}
      {readOnly || fields.length >= LIMITS.requestsPerEvent ? null : (
        <button
          type="button"
          onClick={() => append(newRequest(), { shouldFocus: false })}
          className="flex w-full items-center justify-center gap-2 rounded-xl border border-dashed border-slate-300 bg-white/60 px-4 py-4 text-sm font-medium text-brand-700 hover:border-brand-500 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <PlusIcon />
          {t("add")}
        </button>
      )}
    </div>
  );
}
