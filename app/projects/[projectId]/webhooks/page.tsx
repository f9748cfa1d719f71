import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireProjectPage } from "@/app/_lib/session";
import { EventsPage } from "@/components/webhooks/events-page";
import { getProject } from "@/lib/projects/service";
import { webhookKeys } from "@/lib/webhooks/query-keys";
import { listWebhookEventSummaries } from "@/lib/webhooks/summaries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("title") };
}

export default async function WebhooksPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { role } = await requireProjectPage(projectId);
  // The first load arrives with the page; react-query keeps it fresh from then on.
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: webhookKeys.events(projectId),
    queryFn: () => listWebhookEventSummaries(projectId),
  });
  const project = await getProject(projectId);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EventsPage projectId={projectId} canEdit={role !== "viewer"} timeZone={project.timeZone} />
    </HydrationBoundary>
  );
}
