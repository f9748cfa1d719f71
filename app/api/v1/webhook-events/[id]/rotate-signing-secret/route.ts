import { apiKeyRoute, ID_PARAMS, json } from "@/lib/http/route";
import { signingRotationRequestSchema } from "@/lib/model/signing-rotation";
import { rotateSigningSecret } from "@/lib/webhooks/service";

/**
 * A new signing secret for one request of the event; the old one keeps signing beside it for
 * `overlapHours` (default 24). The answer carries the new secret, so no cache keeps it.
 */
export const POST = apiKeyRoute(
  { params: ID_PARAMS, resource: "Webhook event" },
  async ({ project, params, readJson }) => {
    const { requestId, ...options } = signingRotationRequestSchema.parse((await readJson()) ?? {});
    return json(await rotateSigningSecret(project.id, params.id, requestId, options), 200, {
      "Cache-Control": "no-store",
    });
  },
);
