import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireProjectPage } from "@/app/_lib/session";
import { chartRange } from "@/components/deliveries/chart-range";
import { DeliveryLogPage } from "@/components/deliveries/delivery-log-page";
import {
  filterQuery,
  logFilter,
  readFilter,
  toEventOptions,
} from "@/components/deliveries/filter-state";
import { hourlyCounts } from "@/lib/delivery-log/chart";
import { DEFAULT_PAGE_SIZE } from "@/lib/delivery-log/filters";
import { listDeliveries } from "@/lib/delivery-log/list";
import { AppError } from "@/lib/errors";
import { getProject } from "@/lib/projects/service";
import { getWebhookEvent } from "@/lib/webhooks/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deliveryLog");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ projectId: string; eventId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function EventDeliveriesPage({ params, searchParams }: Props) {
  const { projectId, eventId } = await params;
  const { role } = await requireProjectPage(projectId);
  const event = await getWebhookEvent(projectId, eventId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const project = await getProject(projectId);
  const [option] = toEventOptions([event]);
  if (!option) notFound();
  const { filter: urlFilter, dropped } = readFilter(await searchParams, [option]);
  const filter = logFilter(urlFilter, event.id);
  const range = chartRange(Date.now());
  const [page, buckets] = await Promise.all([
    listDeliveries(projectId, filter, DEFAULT_PAGE_SIZE),
    hourlyCounts(projectId, { ...range, eventId: event.id }),
  ]);
  const renderedAt = Date.now();
  return (
    <DeliveryLogPage
      projectId={projectId}
      canEdit={role !== "viewer"}
      timeZone={project.timeZone}
      event={option}
      dropped={dropped.filter((key) => key !== "eventId")}
      initial={{ query: filterQuery(filter), page, renderedAt }}
      chart={{ ...range, buckets, eventId: event.id, renderedAt }}
    />
  );
}
