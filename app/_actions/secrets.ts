"use server";

import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import type { WebhookRequestSecrets } from "@/lib/webhooks/serializers";
import { revealWebhookEventSecrets } from "@/lib/webhooks/service";

/**
 * Reveal on the event page: the stored header values the page shows masked and each request's
 * signing secret. Admins only; pages and reads never carry them, so a viewer has no way to them.
 */
export async function revealEventSecretsAction(
  projectId: string,
  eventId: string,
): Promise<ActionResult<{ eventId: string; requests: WebhookRequestSecrets[] }>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    return revealWebhookEventSecrets(id, parseArgument("eventId", actionIdSchema, eventId));
  });
}
