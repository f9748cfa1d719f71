import type { WebhookEvent, WebhookRequest } from "../generated/prisma/client";
import { describeTrigger } from "./trigger-types";

export type WebhookRequestSummaryDto = {
  id: string;
  position: number;
  method: string;
  url: string;
  format: string;
};

export type WebhookEventDto = {
  id: string;
  name: string;
  triggerType: string;
  trigger: { group: string; label: string };
  enabled: boolean;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  requests: WebhookRequestSummaryDto[];
};

export function toWebhookEventDto(
  event: WebhookEvent & { requests: WebhookRequest[] },
): WebhookEventDto {
  return {
    id: event.id,
    name: event.name,
    triggerType: event.triggerType,
    trigger: describeTrigger(event.triggerType),
    enabled: event.enabled,
    locked: event.locked,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
    requests: [...event.requests]
      .sort((a, b) => a.position - b.position)
      .map((r) => ({
        id: r.id,
        position: r.position,
        method: r.method,
        url: r.url,
        format: r.format,
      })),
  };
}
