import { db } from "../db";
import { AppError, notFound } from "../errors";
import { toWebhookEventDto } from "./serializers";

export async function listWebhookEvents(projectId: string) {
  const events = await db.webhookEvent.findMany({
    where: { projectId },
    orderBy: [{ locked: "desc" }, { createdAt: "asc" }],
    include: { requests: true },
  });
  return events.map(toWebhookEventDto);
}

export async function getWebhookEvent(projectId: string, eventId: string) {
  const event = await db.webhookEvent.findFirst({
    where: { id: eventId, projectId },
    include: { requests: true },
  });
  if (!event) throw notFound("Webhook event");
  return toWebhookEventDto(event);
}

/** Enabling and disabling is allowed for every event, the locked default one included. */
export async function setWebhookEventEnabled(projectId: string, eventId: string, enabled: boolean) {
  const { count } = await db.webhookEvent.updateMany({
    where: { id: eventId, projectId },
    data: { enabled },
  });
  if (count === 0) throw notFound("Webhook event");
  return getWebhookEvent(projectId, eventId);
}

export async function assertEventEditable(projectId: string, eventId: string) {
  const event = await db.webhookEvent.findFirst({
    where: { id: eventId, projectId },
    select: { name: true, locked: true },
  });
  if (!event) throw notFound("Webhook event");
  if (event.locked) {
    throw new AppError(
      "locked",
      `"${event.name}" is the project's default event: it cannot be edited or deleted. Disable it, or copy it and edit the copy.`,
    );
  }
}

export async function deleteWebhookEvent(projectId: string, eventId: string) {
  await assertEventEditable(projectId, eventId);
  await db.webhookEvent.deleteMany({ where: { id: eventId, projectId } });
}
