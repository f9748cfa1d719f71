import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { logoutAction } from "@/app/_actions/auth";
import type { Role } from "@/lib/auth/roles";
import { catalogs } from "@/lib/i18n/catalogs";
import { AccountNav } from "./account-nav";
import { LocaleSwitch } from "./locale-switch";
import { ProjectSwitcher } from "./project-switcher";

export async function AccountShell({
  projectId,
  projects,
  userEmail,
  role,
  children,
}: {
  projectId: string;
  /** Every project the user is a member of, for the switcher. */
  projects: { id: string; name: string; role: string }[];
  userEmail: string;
  role: Role;
  children: ReactNode;
}) {
  const t = await getTranslations("shell");
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="flex items-center gap-1.5 px-3.5 py-4">
          <span
            aria-hidden
            className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-600 font-bold text-white"
          >
            ⇄
          </span>
          <ProjectSwitcher projectId={projectId} projects={projects} />
        </div>
        <AccountNav projectId={projectId} canManageMembers={role !== "viewer"} />
        <div className="mt-auto border-t border-slate-100 px-5 py-4">
          <p
            className="truncate text-sm font-medium text-slate-800"
            title={userEmail}
            data-testid="current-user"
          >
            {userEmail}
          </p>
          <p className="text-xs capitalize text-slate-500">{t(`role.${role}`)}</p>
          <form action={logoutAction} className="mt-3">
            <button
              type="submit"
              className="text-sm font-medium text-slate-600 underline-offset-2 hover:text-slate-900 hover:underline"
            >
              {t("logOut")}
            </button>
          </form>
          <LocaleSwitch options={catalogs().options} />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
