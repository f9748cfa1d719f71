import type { Metadata } from "next";
import { requireProjectPage } from "@/app/_lib/session";
import { EventsTable } from "@/components/webhooks/events-table";
import { listWebhookEvents } from "@/lib/webhooks/service";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await requireProjectPage(projectId);
  const events = await listWebhookEvents(projectId);
  return <EventsTable projectId={projectId} events={events} canEdit={role !== "viewer"} />;
}
