import { getTranslations } from "next-intl/server";
import { logoutAction } from "@/app/_actions/auth";
import { requireUser } from "@/app/_lib/session";
import { NewProjectForm } from "@/components/account/project-switcher";

export default async function NoProjectPage() {
  const user = await requireUser();
  const t = await getTranslations("noProject");
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body", { email: user.email })}</p>
      <div className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
        <NewProjectForm />
      </div>
      <form action={logoutAction} className="mt-6">
        <button type="submit" className="text-sm font-medium underline">
          {t("logOut")}
        </button>
      </form>
    </main>
  );
}
