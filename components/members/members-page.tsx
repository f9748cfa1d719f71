"use client";

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
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Members</h1>
        <p className="mt-1 text-sm text-slate-500">
          Who can see and change the webhooks of {projectName}. Viewers see everything and change
          nothing; admins also change the configuration and manage admins and viewers; owners also
          make and remove owners.
        </p>
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
