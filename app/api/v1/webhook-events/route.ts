import { AppError } from "@/lib/errors";
import { apiKeyRoute, json } from "@/lib/http/route";
import type { WebhookEventInput } from "@/lib/model/event-schema";
import { createWebhookEvent, listWebhookEvents } from "@/lib/webhooks/service";
import { listWebhookEventSummaries } from "@/lib/webhooks/summaries";

/**
 * The project's events; `?include=summary` adds each one's latest delivery and its unchecked
 * failures of the last 24 hours (what the Webhooks page shows).
 */
export const GET = apiKeyRoute({}, async ({ project, query }) => {
  const include = query.getAll("include");
  if (include.length === 0) return json({ webhookEvents: await listWebhookEvents(project.id) });
  if (include.length > 1 || include[0] !== "summary") {
    throw new AppError("validation_failed", "include: use include=summary, once", "include");
  }
  return json({ webhookEvents: await listWebhookEventSummaries(project.id) });
});

export const POST = apiKeyRoute({}, async ({ project, readJson }) =>
  json(await createWebhookEvent(project.id, (await readJson()) as WebhookEventInput), 201),
);
