import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireProjectPage } from "@/app/_lib/session";
import { EventWizard } from "@/components/webhooks/event-form/event-wizard";
import { newEvent, toFormValues } from "@/components/webhooks/event-form/form-values";
import { AppError } from "@/lib/errors";
import { draftWebhookEventCopy } from "@/lib/webhooks/copy";
import { getWebhookEvent } from "@/lib/webhooks/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wizard");
  return { title: t("add") };
}

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ copy?: string | string[]; type?: string | string[] }>;
};

/** `/webhooks/new`, or with `?copy=<event id>&type=<trigger type>` the copy of an event. */
export default async function NewEventPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const { copy, type } = await searchParams;
  await requireProjectPage(projectId, "admin");
  if (typeof copy !== "string") {
    return <EventWizard projectId={projectId} mode="new" initial={newEvent()} />;
  }
  try {
    const source = await getWebhookEvent(projectId, copy);
    // The copy's suggested name is the admin's to keep, so it is in their language.
    const t = await getTranslations("journey");
    const { draft } = await draftWebhookEventCopy(projectId, copy, {
      type: typeof type === "string" ? type : "",
      name: t("copyName", { name: source.name }).slice(0, 100),
      view: "masked",
    });
    return (
      <EventWizard
        projectId={projectId}
        mode="copy"
        initial={toFormValues(draft)}
        copyOf={{ id: source.id, name: source.name }}
      />
    );
  } catch (error) {
    // An unknown event or trigger type in the address is a page that does not exist.
    if (error instanceof AppError) notFound();
    throw error;
  }
}
