"use server";

import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import { type SigningRotationInput, signingRotationSchema } from "@/lib/model/signing-rotation";
import { rotateSigningSecret } from "@/lib/webhooks/service";

/**
 * A new signing secret for one saved request; the old one keeps signing beside it for the
 * chosen overlap (`{ overlapHours }`, default 24). The new secret comes back to the admin who
 * asked, once, to be copied to the receiver.
 */
export async function rotateSigningSecretAction(
  projectId: string,
  eventId: string,
  requestId: string,
  options: SigningRotationInput = {},
): Promise<
  ActionResult<{ requestId: string; signingSecret: string; previousValidUntil: string | null }>
> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    return rotateSigningSecret(
      id,
      parseArgument("eventId", actionIdSchema, eventId),
      parseArgument("requestId", actionIdSchema, requestId),
      parseArgument("options", signingRotationSchema, options),
    );
  });
}
