"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { revokeInviteAction } from "@/app/_actions/members";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { InviteDto } from "@/lib/auth/member-serializers";
import { isRole } from "@/lib/auth/roles";
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
  const t = useTranslations("members.invites");
  const locale = useLocale();
  const tRole = useTranslations("members.role");
  const [pending, startTransition] = useTransition();

  function revoke(invite: InviteDto) {
    if (!window.confirm(t("confirmRevoke", { email: invite.email }))) {
      return;
    }
    startTransition(async () => {
      const result = await revokeInviteAction(projectId, invite.id);
      if (result.ok) toast.success(t("revoked", { email: invite.email }));
      else toast.error(result.message);
    });
  }

  return (
    <Card title={t("title")} description={t("description")}>
      {invites.length === 0 ? (
        <p className="text-sm text-slate-500">{t("none")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("email")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("role")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("invitedBy")}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t("expires")}
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {invites.map((invite) => (
              <tr key={invite.id} data-testid="invite-row">
                <td className="py-2.5 pr-4 font-medium text-slate-800">{invite.email}</td>
                <td className="py-2.5 pr-4 capitalize text-slate-600">
                  {isRole(invite.role) ? tRole(invite.role) : invite.role}
                </td>
                <td className="py-2.5 pr-4 text-slate-600">{invite.invitedBy ?? t("apiKey")}</td>
                <td className="py-2.5 pr-4 text-slate-600">
                  {invite.status === "expired" ? (
                    <Badge tone="amber">{t("expired")}</Badge>
                  ) : (
                    formatDateTime(invite.expiresAt, timeZone, locale)
                  )}
                </td>
                <td className="py-2.5 text-right">
                  <Button variant="danger" pending={pending} onClick={() => revoke(invite)}>
                    {t("revoke")}
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
