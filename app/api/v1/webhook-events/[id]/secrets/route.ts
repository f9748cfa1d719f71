import { apiKeyRoute, ID_PARAMS, json } from "@/lib/http/route";
import { revealWebhookEventSecrets } from "@/lib/webhooks/service";

/**
 * Reveal: the event's stored header values and signing secrets, which every other read masks.
 * An admin key, or a signed-in admin reading with the session cookie; a viewer gets 403.
 * No cache, shared or private, keeps the answer.
 */
export const GET = apiKeyRoute(
  { params: ID_PARAMS, resource: "Webhook event", sessionRole: "admin" },
  async ({ project, params }) =>
    json(await revealWebhookEventSecrets(project.id, params.id), 200, {
      "Cache-Control": "no-store",
    }),
);
