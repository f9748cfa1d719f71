"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { revokeInviteAction } from "@/app/_actions/members";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { InviteDto } from "@/lib/auth/member-serializers";
import { formatDateTime } from "@/lib/format-date";

export function InvitesTable({
  projectId,
  invites,
  timeZone,
}: {
  projectId: string;
  invites: InviteDto[];
  timeZone: string;
}) {
  const [pending, startTransition] = useTransition();

  function revoke(invite: InviteDto) {
    if (!window.confirm(`Revoke the invite for ${invite.email}? Its link will stop working.`)) {
      return;
    }
    startTransition(async () => {
      const result = await revokeInviteAction(projectId, invite.id);
      if (result.ok) toast.success(`Invite for ${invite.email} revoked`);
      else toast.error(result.message);
    });
  }

  return (
    <Card title="Pending invites" description="Links not used yet. Revoke one to stop its link.">
      {invites.length === 0 ? (
        <p className="text-sm text-slate-500">No pending invites.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                Email
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Role
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Invited by
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Expires
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {invites.map((invite) => (
              <tr key={invite.id} data-testid="invite-row">
                <td className="py-2.5 pr-4 font-medium text-slate-800">{invite.email}</td>
                <td className="py-2.5 pr-4 capitalize text-slate-600">{invite.role}</td>
                <td className="py-2.5 pr-4 text-slate-600">{invite.invitedBy ?? "API key"}</td>
                <td className="py-2.5 pr-4 text-slate-600">
                  {invite.status === "expired" ? (
                    <Badge tone="amber">Expired</Badge>
                  ) : (
                    formatDateTime(invite.expiresAt, timeZone)
                  )}
                </td>
                <td className="py-2.5 text-right">
                  <Button variant="danger" pending={pending} onClick={() => revoke(invite)}>
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
