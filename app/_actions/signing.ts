"use server";

import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import { rotateSigningSecret } from "@/lib/webhooks/service";

/**
 * A new signing secret for one saved request; the old one stops being valid at once. The new
 * secret comes back to the admin who asked, once, to be copied to the receiver.
 */
export async function rotateSigningSecretAction(
  projectId: string,
  eventId: string,
  requestId: string,
): Promise<ActionResult<{ requestId: string; signingSecret: string }>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    return rotateSigningSecret(
      id,
      parseArgument("eventId", actionIdSchema, eventId),
      parseArgument("requestId", actionIdSchema, requestId),
    );
  });
}
