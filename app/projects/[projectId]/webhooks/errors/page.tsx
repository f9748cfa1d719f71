import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireProjectPage } from "@/app/_lib/session";
import { chartRange } from "@/components/deliveries/chart-range";
import { ErrorCheckPage } from "@/components/deliveries/error-check-page";
import { filterQuery, readFilter, toEventOptions } from "@/components/deliveries/filter-state";
import { hourlyCounts } from "@/lib/delivery-log/chart";
import { DEFAULT_PAGE_SIZE } from "@/lib/delivery-log/filters";
import { listDeliveries } from "@/lib/delivery-log/list";
import { getProject } from "@/lib/projects/service";
import { listWebhookEvents } from "@/lib/webhooks/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errorCheck");
  return { title: t("title") };
}

export default async function WebhookErrorsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { projectId } = await params;
  const { role } = await requireProjectPage(projectId);
  const [project, events] = await Promise.all([
    getProject(projectId),
    listWebhookEvents(projectId),
  ]);
  const options = toEventOptions(events);
  // A bad value in the link clears that filter with a notice; it never becomes an error page.
  const { filter, dropped } = readFilter(await searchParams, options);
  const range = chartRange(Date.now());
  const [page, buckets] = await Promise.all([
    listDeliveries(projectId, filter, DEFAULT_PAGE_SIZE),
    hourlyCounts(projectId, { ...range, eventId: filter.eventId }),
  ]);
  return (
    <ErrorCheckPage
      projectId={projectId}
      canEdit={role !== "viewer"}
      timeZone={project.timeZone}
      events={options}
      dropped={dropped}
      initial={{ query: filterQuery(filter), page, renderedAt: Date.now() }}
      chart={{ ...range, buckets, eventId: filter.eventId, renderedAt: Date.now() }}
    />
  );
}
