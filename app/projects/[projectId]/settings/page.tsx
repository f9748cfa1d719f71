import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireProjectPage } from "@/app/_lib/session";
import { ProjectSettings } from "@/components/projects/project-settings";
import { listApiKeys } from "@/lib/auth/api-keys";
import { getProject } from "@/lib/projects/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function ProjectSettingsPage({
  params,
}: {
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const { role } = await requireProjectPage(projectId);
  const [project, apiKeys] = await Promise.all([getProject(projectId), listApiKeys(projectId)]);
  return (
    <ProjectSettings
      project={project}
      apiKeys={apiKeys}
      timeZones={Intl.supportedValuesOf("timeZone")}
      canEdit={role !== "viewer"}
    />
  );
}
