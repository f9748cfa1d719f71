"use client";

import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { changeMemberRoleAction, removeMemberAction } from "@/app/_actions/members";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { MemberDto } from "@/lib/auth/member-serializers";
import { ROLES, type Role } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format-date";

/** Admins manage admins and viewers; only an owner touches an owner's row or makes owners. */
function canManage(actor: Role, member: Role): boolean {
  return actor === "owner" || (actor === "admin" && member !== "owner");
}

export function MembersTable({
  projectId,
  members,
  currentUserId,
  currentRole,
  timeZone,
}: {
  projectId: string;
  members: MemberDto[];
  currentUserId: string;
  currentRole: Role;
  timeZone: string;
}) {
  const t = useTranslations("members.table");
  const locale = useLocale();
  const tRole = useTranslations("members.role");
  const [pending, startTransition] = useTransition();

  function changeRole(member: MemberDto, role: Role) {
    startTransition(async () => {
      const result = await changeMemberRoleAction(projectId, member.userId, { role });
      if (result.ok)
        toast.success(t("nowRole", { email: member.email, role: tRole(role).toLowerCase() }));
      else toast.error(result.message);
    });
  }

  function remove(member: MemberDto) {
    const self = member.userId === currentUserId;
    const question = self ? t("confirmLeave") : t("confirmRemove", { email: member.email });
    if (!window.confirm(question)) return;
    startTransition(async () => {
      const result = await removeMemberAction(projectId, member.userId);
      if (result.ok) toast.success(t("removed", { email: member.email }));
      else toast.error(result.message);
    });
  }

  return (
    <Card title={t("title")} description={t("count", { count: members.length })}>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("member")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("role")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("joined")}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t("lastSignIn")}
            </th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((member) => {
            const manageable = canManage(currentRole, member.role);
            return (
              <tr key={member.userId} data-testid="member-row">
                <td className="py-2.5 pr-4">
                  <p className="font-medium text-slate-800">
                    {member.name ?? member.email}
                    {member.userId === currentUserId ? (
                      <span className="ml-1.5 text-xs font-normal text-slate-500">{t("you")}</span>
                    ) : null}
                  </p>
                  {member.name ? <p className="text-xs text-slate-500">{member.email}</p> : null}
                </td>
                <td className="py-2.5 pr-4">
                  {manageable ? (
                    <select
                      aria-label={t("roleOf", { email: member.email })}
                      value={member.role}
                      disabled={pending}
                      onChange={(event) => changeRole(member, event.target.value as Role)}
                      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm shadow-xs outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-100"
                    >
                      {ROLES.filter((role) => role !== "owner" || currentRole === "owner")
                        .toReversed()
                        .map((role) => (
                          <option key={role} value={role}>
                            {tRole(role)}
                          </option>
                        ))}
                    </select>
                  ) : (
                    <Badge tone={member.role === "owner" ? "blue" : "neutral"}>
                      {tRole(member.role)}
                    </Badge>
                  )}
                </td>
                <td className="py-2.5 pr-4 text-slate-600">
                  {formatDateTime(member.joinedAt, timeZone, locale)}
                </td>
                <td className="py-2.5 pr-4 text-slate-600">
                  {member.lastSignInAt
                    ? formatDateTime(member.lastSignInAt, timeZone, locale)
                    : t("never")}
                </td>
                <td className="py-2.5 text-right">
                  {manageable ? (
                    <Button variant="danger" pending={pending} onClick={() => remove(member)}>
                      {member.userId === currentUserId ? t("leave") : t("remove")}
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
