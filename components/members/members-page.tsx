"use client";

import { useTranslations } from "next-intl";
import type { InviteDto, MemberDto } from "@/lib/auth/member-serializers";
import type { Role } from "@/lib/auth/roles";
import { InviteForm } from "./invite-form";
import { InvitesTable } from "./invites-table";
import { MembersTable } from "./members-table";

/** The Members page: only owners and admins reach it (the page answers 404 to viewers). */
export function MembersPage({
  projectId,
  projectName,
  members,
  invites,
  currentUserId,
  currentRole,
  timeZone,
}: {
  projectId: string;
  projectName: string;
  members: MemberDto[];
  invites: InviteDto[];
  currentUserId: string;
  currentRole: Role;
  timeZone: string;
}) {
  const t = useTranslations("members");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-500">{t("intro", { project: projectName })}</p>
      </div>
      <InviteForm projectId={projectId} />
      <MembersTable
        projectId={projectId}
        members={members}
        currentUserId={currentUserId}
        currentRole={currentRole}
        timeZone={timeZone}
      />
      <InvitesTable projectId={projectId} invites={invites} timeZone={timeZone} />
    </div>
  );
}
