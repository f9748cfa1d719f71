import type { ReactNode } from "react";
import { requireProjectPage } from "@/app/_lib/session";
import { AccountShell } from "@/components/account/account-shell";
import { UncheckedFailuresProvider } from "@/components/deliveries/unchecked-count";
import { ProjectTimeZone } from "@/components/i18n/project-time-zone";
import { listUserProjects } from "@/lib/auth/access";
import { countUncheckedFailures } from "@/lib/delivery-log/actions";
import { getProject } from "@/lib/projects/service";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const { user, role } = await requireProjectPage(projectId);
  const [projects, unchecked, project] = await Promise.all([
    listUserProjects(user.id),
    countUncheckedFailures(projectId),
    getProject(projectId),
  ]);
  return (
    <ProjectTimeZone timeZone={project.timeZone}>
      <UncheckedFailuresProvider count={unchecked}>
        <AccountShell projectId={projectId} projects={projects} userEmail={user.email} role={role}>
          {children}
        </AccountShell>
      </UncheckedFailuresProvider>
    </ProjectTimeZone>
  );
}
