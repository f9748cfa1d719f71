"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, runAction } from "@/app/_lib/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import { setWebhookEventEnabled } from "@/lib/webhooks/service";

const toggleSchema = z
  .object({ projectId: z.string().min(1), eventId: z.string().min(1), enabled: z.boolean() })
  .strict();

export async function setEventEnabledAction(
  input: z.input<typeof toggleSchema>,
): Promise<ActionResult> {
  return runAction(async () => {
    const { projectId, eventId, enabled } = toggleSchema.parse(input);
    await requireProjectAction(projectId, "admin");
    await setWebhookEventEnabled(projectId, eventId, enabled);
    revalidatePath(`/projects/${projectId}/webhooks`);
    return undefined;
  });
}
