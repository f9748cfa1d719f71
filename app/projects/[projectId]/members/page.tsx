import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireProjectPage } from "@/app/_lib/session";
import { MembersPage } from "@/components/members/members-page";
import { listInvites } from "@/lib/auth/invites";
import { listMembers } from "@/lib/auth/members";
import { getProject } from "@/lib/projects/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("title") };
}

/** Owners and admins only: a viewer gets the not-found page, as for a foreign project. */
export default async function ProjectMembersPage({
  params,
}: {
  params: Promise<{ projectId: string }>;
}) {
  const { projectId } = await params;
  const { user, role } = await requireProjectPage(projectId, "admin");
  const [project, members, invites] = await Promise.all([
    getProject(projectId),
    listMembers(projectId),
    listInvites(projectId),
  ]);
  return (
    <MembersPage
      projectId={projectId}
      projectName={project.name}
      members={members}
      invites={invites}
      currentUserId={user.id}
      currentRole={role}
      timeZone={project.timeZone}
    />
  );
}
