import { apiKeyRoute, callerSeesSecrets, json } from "@/lib/http/route";
import { type PreviewInput, previewWebhookRequest } from "@/lib/webhooks/preview";

export const POST = apiKeyRoute({}, async ({ project, caller, readJson }) =>
  json(
    await previewWebhookRequest(project.id, (await readJson()) as PreviewInput, {
      showSecrets: callerSeesSecrets(caller),
    }),
  ),
);
