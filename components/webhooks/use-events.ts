"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { deleteEventAction, setEventEnabledAction } from "@/app/_actions/webhook-events";
import { fetchRead, readUrl } from "@/lib/http/fetch-read";
import { webhookKeys } from "@/lib/webhooks/query-keys";
import { webhookEventSummariesSchema } from "@/lib/webhooks/response-schemas";
import type { WebhookEventSummary } from "@/lib/webhooks/summaries";

// A GET with the session cookie, not a server action, so it never waits behind a change.
async function fetchEvents(projectId: string, signal: AbortSignal) {
  const url = readUrl("/api/v1/webhook-events", projectId, { include: "summary" });
  return (await fetchRead(url, webhookEventSummariesSchema, signal)).webhookEvents;
}

/** The project's events with their delivery summary; the page hydrates the first load. */
export function useEvents(projectId: string) {
  return useQuery({
    queryKey: webhookKeys.events(projectId),
    queryFn: ({ signal }) => fetchEvents(projectId, signal),
  });
}

/** Enables or disables at once in the table; a refusal puts the switch back and says why. */
export function useToggleEvent(projectId: string) {
  const t = useTranslations("eventToasts");
  const queryClient = useQueryClient();
  const key = webhookKeys.events(projectId);
  return useMutation({
    mutationFn: async (input: { event: WebhookEventSummary; enabled: boolean }) => {
      const result = await setEventEnabledAction({
        projectId,
        eventId: input.event.id,
        enabled: input.enabled,
      });
      if (!result.ok) throw new Error(result.message);
    },
    onMutate: async ({ event, enabled }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<WebhookEventSummary[]>(key);
      queryClient.setQueryData<WebhookEventSummary[]>(key, (events) =>
        events?.map((e) => (e.id === event.id ? { ...e, enabled } : e)),
      );
      return { previous };
    },
    onError: (error, { event }, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      toast.error(t("notChanged", { name: event.name, message: error.message }));
    },
    onSuccess: (_data, { event, enabled }) => {
      toast.success(t("toggled", { name: event.name, enabled: String(enabled) }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteEvent(projectId: string) {
  const t = useTranslations("eventToasts");
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (event: WebhookEventSummary) => {
      const result = await deleteEventAction({ projectId, eventId: event.id });
      if (!result.ok) throw new Error(result.message);
    },
    onSuccess: (_data, event) => {
      toast.success(t("deleted", { name: event.name }));
      queryClient.setQueryData<WebhookEventSummary[]>(webhookKeys.events(projectId), (events) =>
        events?.filter((e) => e.id !== event.id),
      );
    },
    onError: (error) => toast.error(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all(projectId) }),
  });
}
