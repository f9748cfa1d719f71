import type { ReactNode } from "react";
import { requireProjectPage } from "@/app/_lib/session";
import { AccountShell } from "@/components/account/account-shell";
import { listUserProjects } from "@/lib/auth/access";

export default async function ProjectLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const { user, role } = await requireProjectPage(projectId);
  const projects = await listUserProjects(user.id);
  const project = projects.find((p) => p.id === projectId);
  return (
    <AccountShell
      projectId={projectId}
      projectName={project?.name ?? ""}
      userEmail={user.email}
      role={role}
    >
      {children}
    </AccountShell>
  );
}
