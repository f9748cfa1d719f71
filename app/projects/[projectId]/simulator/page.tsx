import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireProjectPage } from "@/app/_lib/session";
import { Simulator } from "@/components/simulator/simulator";
import { countListeningEvents } from "@/lib/simulator/call-deliveries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("simulator");
  return { title: t("title") };
}

export default async function SimulatorPage({
  params,
}: {
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const { role } = await requireProjectPage(projectId);
  const listeners = await countListeningEvents(projectId);
  return <Simulator projectId={projectId} listeners={listeners} canPlay={role !== "viewer"} />;
}
