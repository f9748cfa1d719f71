import { logoutAction } from "@/app/_actions/auth";
import { requireUser } from "@/app/_lib/session";
import { NewProjectForm } from "@/components/account/project-switcher";

export default async function NoProjectPage() {
  const user = await requireUser();
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">No project yet</h1>
      <p className="mt-2 text-sm text-slate-600">
        {user.email} is not a member of any project. Ask a project owner for an invite link, or
        create a project of your own.
      </p>
      <div className="mt-6 rounded-xl border border-slate-200 bg-white p-6 shadow-xs">
        <NewProjectForm />
      </div>
      <form action={logoutAction} className="mt-6">
        <button type="submit" className="text-sm font-medium underline">
          Log out
        </button>
      </form>
    </main>
  );
}
