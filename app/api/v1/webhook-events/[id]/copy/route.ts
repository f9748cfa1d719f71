import { apiKeyRoute, ID_PARAMS, json } from "@/lib/http/route";
import { copyRequestSchema } from "@/lib/model/event-schema";
import { copyWebhookEvent } from "@/lib/webhooks/copy";

export const POST = apiKeyRoute(
  { params: ID_PARAMS, resource: "Webhook event" },
  async ({ project, params, readJson }) => {
    const options = copyRequestSchema.parse((await readJson()) ?? {});
    return json(await copyWebhookEvent(project.id, params.id, options), 201);
  },
);
