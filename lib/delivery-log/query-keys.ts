/**
 * Every react-query key of the error check page and the delivery logs comes from here, so a
 * mutation invalidates by prefix (`deliveryKeys.all(projectId)`) and no screen invents its own.
 */
export const deliveryKeys = {
  all: (projectId: string) => ["projects", projectId, "deliveries"] as const,
  lists: (projectId: string) => [...deliveryKeys.all(projectId), "list"] as const,
  /** `query` is the canonical query string of the filters: one cache entry per shared URL. */
  list: (projectId: string, scope: string, query: string) =>
    [...deliveryKeys.lists(projectId), scope, query] as const,
  detail: (projectId: string, deliveryId: string) =>
    [...deliveryKeys.all(projectId), "detail", deliveryId] as const,
  hourly: (projectId: string, range: { from: string; to: string; eventId?: string }) =>
    [...deliveryKeys.all(projectId), "hourly", range] as const,
  resendBatch: (projectId: string, batchId: string) =>
    [...deliveryKeys.all(projectId), "resend-batch", batchId] as const,
};
