import { apiKeyRoute, ID_PARAMS, json, noContent } from "@/lib/http/route";
import type { WebhookEventInput } from "@/lib/model/event-schema";
import {
  deleteWebhookEvent,
  getWebhookEvent,
  patchWebhookEvent,
  updateWebhookEvent,
} from "@/lib/webhooks/service";

export const GET = apiKeyRoute(
  { params: ID_PARAMS, resource: "Webhook event" },
  async ({ project, params }) => json(await getWebhookEvent(project.id, params.id)),
);

export const PUT = apiKeyRoute(
  { params: ID_PARAMS, resource: "Webhook event" },
  async ({ project, params, readJson }) =>
    json(await updateWebhookEvent(project.id, params.id, (await readJson()) as WebhookEventInput)),
);

export const PATCH = apiKeyRoute(
  { params: ID_PARAMS, resource: "Webhook event" },
  async ({ project, params, readJson }) =>
    json(await patchWebhookEvent(project.id, params.id, await readJson())),
);

export const DELETE = apiKeyRoute(
  { params: ID_PARAMS, resource: "Webhook event" },
  async ({ project, params }) => {
    await deleteWebhookEvent(project.id, params.id);
    return noContent();
  },
);
