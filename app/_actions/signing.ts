"use server";

import { z } from "zod";
import { type ActionResult, runAction } from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import type { SigningRotationInput } from "@/lib/model/signing-rotation";
import { rotateSigningSecret } from "@/lib/webhooks/service";

const idSchema = z.string().min(1).max(100);

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
    const id = idSchema.parse(projectId);
    await requireProjectAction(id, "admin");
    return rotateSigningSecret(id, idSchema.parse(eventId), idSchema.parse(requestId), options);
  });
}
