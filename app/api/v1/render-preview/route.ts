import { apiKeyRoute, json } from "@/lib/http/route";
import { type PreviewInput, previewWebhookRequest } from "@/lib/webhooks/preview";

export const POST = apiKeyRoute({}, async ({ project, readJson }) =>
  json(await previewWebhookRequest(project.id, (await readJson()) as PreviewInput)),
);
