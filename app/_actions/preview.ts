"use server";

import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import { type Preview, type PreviewInput, previewWebhookRequest } from "@/lib/webhooks/preview";

/**
 * The live preview of the wizard: the one renderer, with the trigger type's sample call. A
 * viewer may look, but sees the GA4 API secret masked; `previewWebhookRequest` parses `input`
 * with the shared schemas.
 */
export async function previewRequestAction(
  projectId: string,
  input: PreviewInput,
): Promise<ActionResult<Preview>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    const { role } = await requireProjectAction(id, "viewer");
    return previewWebhookRequest(id, input, { showSecrets: role !== "viewer" });
  });
}
