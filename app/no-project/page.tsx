import { logoutAction } from "@/app/_actions/auth";
import { requireUser } from "@/app/_lib/session";

export default async function NoProjectPage() {
  const user = await requireUser();
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">No project yet</h1>
      <p className="mt-2 text-sm text-slate-600">
        {user.email} is not a member of any project. Ask a project owner to add you.
      </p>
      <form action={logoutAction} className="mt-6">
        <button type="submit" className="text-sm font-medium underline">
          Log out
        </button>
      </form>
    </main>
  );
}
