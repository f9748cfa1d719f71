"use client";

import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { setEventEnabledAction } from "@/app/projects/[projectId]/webhooks/actions";
import { Badge } from "@/components/ui/badge";
import { LockIcon } from "@/components/ui/lock-icon";
import { Switch } from "@/components/ui/switch";
import type { WebhookEventDto } from "@/lib/webhooks/serializers";
import { RequestTarget } from "./request-target";

type Props = { projectId: string; events: WebhookEventDto[]; canEdit: boolean };

export function EventsTable({ projectId, events, canEdit }: Props) {
  const [optimisticEvents, setOptimistic] = useOptimistic(
    events,
    (current, change: { id: string; enabled: boolean }) =>
      current.map((e) => (e.id === change.id ? { ...e, enabled: change.enabled } : e)),
  );
  const [, startTransition] = useTransition();

  function toggle(event: WebhookEventDto, enabled: boolean) {
    startTransition(async () => {
      setOptimistic({ id: event.id, enabled });
      const result = await setEventEnabledAction({ projectId, eventId: event.id, enabled });
      if (result.ok) toast.success(`“${event.name}” ${enabled ? "enabled" : "disabled"}`);
      else toast.error(result.message);
    });
  }

  return (
    <div>
      <div className="mb-6 flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Webhooks</h1>
          <p className="mt-1 text-sm text-slate-500">
            Each event sends its webhook requests to your CRM, BI or chat bot at a moment of the
            call.
          </p>
        </div>
      </div>
      <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-5 py-3">
                Name
              </th>
              <th scope="col" className="px-5 py-3">
                Event
              </th>
              <th scope="col" className="px-5 py-3">
                Webhook requests
              </th>
              <th scope="col" className="px-5 py-3">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {optimisticEvents.map((event) => (
              <tr key={event.id} data-testid="event-row" className="align-top hover:bg-slate-50/60">
                <td className="px-5 py-4">
                  <div className="flex items-center gap-2 whitespace-nowrap font-medium text-slate-900">
                    {event.name}
                    {event.locked ? (
                      <Badge tone="neutral">
                        <LockIcon /> Default
                      </Badge>
                    ) : null}
                  </div>
                </td>
                <td className="px-5 py-4">
                  <p className="text-xs text-slate-500">{event.trigger.group}</p>
                  <p className="text-slate-800">{event.trigger.label}</p>
                </td>
                <td className="px-5 py-4">
                  <p className="text-slate-800">
                    {event.requests.length} {event.requests.length === 1 ? "request" : "requests"}
                  </p>
                  {event.requests[0] ? <RequestTarget request={event.requests[0]} /> : null}
                </td>
                <td className="px-5 py-4">
                  <div className="flex items-center gap-2.5">
                    <Switch
                      checked={event.enabled}
                      disabled={!canEdit}
                      label={`${event.enabled ? "Disable" : "Enable"} ${event.name}`}
                      onChange={(enabled) => toggle(event, enabled)}
                    />
                    <span className={event.enabled ? "text-emerald-700" : "text-slate-500"}>
                      {event.enabled ? "Enabled" : "Disabled"}
                    </span>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
