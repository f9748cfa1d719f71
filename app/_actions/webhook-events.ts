"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import type { WebhookEventInput } from "@/lib/model/event-schema";
import {
  createWebhookEvent,
  deleteWebhookEvent,
  setWebhookEventEnabled,
  updateWebhookEvent,
} from "@/lib/webhooks/service";

// Every action re-checks the session and the role itself: an action is a public endpoint that
// anyone can post to with any arguments, whatever the page that shows its button.

const ids = actionIdSchema;

const toggleSchema = z.object({ projectId: ids, eventId: ids, enabled: z.boolean() }).strict();
const eventRefSchema = z.object({ projectId: ids, eventId: ids }).strict();

function revalidateWebhooks(projectId: string) {
  revalidatePath(`/projects/${projectId}/webhooks`, "layout");
}

export async function setEventEnabledAction(
  input: z.input<typeof toggleSchema>,
): Promise<ActionResult> {
  return runAction(async () => {
    const { projectId, eventId, enabled } = toggleSchema.parse(input);
    await requireProjectAction(projectId, "admin");
    await setWebhookEventEnabled(projectId, eventId, enabled);
    revalidateWebhooks(projectId);
    return undefined;
  });
}

export async function deleteEventAction(
  input: z.input<typeof eventRefSchema>,
): Promise<ActionResult> {
  return runAction(async () => {
    const { projectId, eventId } = eventRefSchema.parse(input);
    await requireProjectAction(projectId, "admin");
    await deleteWebhookEvent(projectId, eventId);
    revalidateWebhooks(projectId);
    return undefined;
  });
}

/**
 * The services parse `input` with webhookEventSchema: the same messages the form shows. A copy
 * names its source event, whose stored values stand behind the masked header values it shows.
 */
export async function createEventAction(
  projectId: string,
  input: WebhookEventInput,
  copyOf?: string,
): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    const source = copyOf === undefined ? undefined : ids.parse(copyOf);
    const event = await createWebhookEvent(id, input, { copyOf: source });
    revalidateWebhooks(id);
    return { id: event.id, name: event.name };
  });
}

export async function updateEventAction(
  projectId: string,
  eventId: string,
  input: WebhookEventInput,
): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction(async () => {
    const ref = eventRefSchema.parse({ projectId, eventId });
    await requireProjectAction(ref.projectId, "admin");
    const event = await updateWebhookEvent(ref.projectId, ref.eventId, input);
    revalidateWebhooks(ref.projectId);
    return { id: event.id, name: event.name };
  });
}
