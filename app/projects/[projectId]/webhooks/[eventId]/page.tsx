import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireProjectPage } from "@/app/_lib/session";
import { EventWizard } from "@/components/webhooks/event-form/event-wizard";
import { toFormValues } from "@/components/webhooks/event-form/form-values";
import { AppError } from "@/lib/errors";
import { getWebhookEvent } from "@/lib/webhooks/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wizard");
  return { title: t("event") };
}

type Props = { params: Promise<{ projectId: string; eventId: string }> };

/** The wizard prefilled with the event; read-only for the locked default event and viewers. */
export default async function EventPage({ params }: Props) {
  const { projectId, eventId } = await params;
  const { role } = await requireProjectPage(projectId);
  const event = await getWebhookEvent(projectId, eventId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <EventWizard
      key={event.updatedAt}
      projectId={projectId}
      mode={event.locked || role === "viewer" ? "view" : "edit"}
      initial={toFormValues(event)}
      stored={event}
      canEdit={role !== "viewer"}
    />
  );
}
