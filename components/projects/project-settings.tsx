"use client";

import { useTranslations } from "next-intl";
import type { ApiKeyDto } from "@/lib/auth/api-key-scopes";
import type { ProjectDto } from "@/lib/projects/serializers";
import { ApiKeysPanel } from "./api-keys-panel";
import { ProjectSettingsForm } from "./project-settings-form";

export function ProjectSettings({
  project,
  apiKeys,
  timeZones,
  canEdit,
}: {
  project: ProjectDto;
  apiKeys: ApiKeyDto[];
  timeZones: string[];
  canEdit: boolean;
}) {
  const t = useTranslations("settings");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("intro", { project: project.name })}</p>
      </div>
      <ProjectSettingsForm project={project} timeZones={timeZones} canEdit={canEdit} />
      <ApiKeysPanel
        projectId={project.id}
        apiKeys={apiKeys}
        canEdit={canEdit}
        timeZone={project.timeZone}
      />
    </div>
  );
}
