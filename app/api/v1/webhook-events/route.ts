import { apiKeyRoute, json } from "@/lib/http/route";
import type { WebhookEventInput } from "@/lib/model/event-schema";
import { createWebhookEvent, listWebhookEvents } from "@/lib/webhooks/service";

export const GET = apiKeyRoute({}, async ({ project }) =>
  json({ webhookEvents: await listWebhookEvents(project.id) }),
);

export const POST = apiKeyRoute({}, async ({ project, readJson }) =>
  json(await createWebhookEvent(project.id, (await readJson()) as WebhookEventInput), 201),
);
