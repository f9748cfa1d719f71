"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { previewRequestAction } from "@/app/_actions/preview";
import { useDebouncedValue } from "@/components/forms/use-debounced-value";
import type { WebhookRequestConfig } from "@/lib/model/event-schema";
import type { TriggerType } from "@/lib/model/trigger-types";
import type { Preview } from "@/lib/webhooks/preview";
import { webhookKeys } from "@/lib/webhooks/query-keys";
import { type EventFormValues, toRequestInput } from "./form-values";
import { useWizard } from "./wizard-context";

const DEBOUNCE_MS = 300;

type Draft = { type: TriggerType | ""; request: WebhookRequestConfig };

/**
 * The exact HTTP request the renderer produces for request `index` with the trigger type's
 * sample call. It renders on the server (the same function as delivery and the API) as the
 * admin types, debounced; the last good render stays while the next one loads, and while the
 * draft is invalid.
 */
export function useRequestPreview(index: number) {
  const { control } = useFormContext<EventFormValues>();
  const { projectId } = useWizard();
  const type = useWatch({ control, name: "type" });
  const request = useWatch({ control, name: `requests.${index}` });
  // A string is a stable value to debounce: the form hands out the same objects, mutated.
  const draftKey = JSON.stringify({ type, request: request ? toRequestInput(request) : null });
  const debouncedKey = useDebouncedValue(draftKey, DEBOUNCE_MS);
  const draft = JSON.parse(debouncedKey) as Draft;

  const query = useQuery({
    queryKey: webhookKeys.preview(projectId, draft.type as TriggerType, draft.request),
    queryFn: () =>
      previewRequestAction(projectId, {
        type: draft.type as TriggerType,
        request: draft.request,
      }),
    enabled: draft.type !== "" && draft.request !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  const result = query.data;
  const problem = result && !result.ok ? result : null;
  const [lastGood, setLastGood] = useState<Preview | null>(null);
  const fresh = result?.ok ? result.data : null;
  useEffect(() => {
    if (fresh) setLastGood(fresh);
  }, [fresh]);

  return {
    type,
    preview: fresh ?? (problem ? lastGood : null),
    problem,
    updating: query.isFetching || draftKey !== debouncedKey,
  };
}
