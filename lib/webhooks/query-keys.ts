import type { TriggerType } from "../model/trigger-types";

/**
 * Every react-query key of the Webhooks pages comes from here, so a mutation invalidates by
 * prefix (`webhookKeys.all(projectId)`) and no screen invents its own string key.
 */
export const webhookKeys = {
  all: (projectId: string) => ["projects", projectId, "webhooks"] as const,
  events: (projectId: string) => [...webhookKeys.all(projectId), "events"] as const,
  event: (projectId: string, eventId: string) =>
    [...webhookKeys.events(projectId), eventId] as const,
  previews: (projectId: string) => [...webhookKeys.all(projectId), "preview"] as const,
  /** The request is part of the key: react-query hashes it, so equal drafts share one render. */
  preview: (projectId: string, type: TriggerType, request: unknown) =>
    [...webhookKeys.previews(projectId), type, request] as const,
};
