import { redirect } from "next/navigation";
import { getCurrentUser, rememberedProjectId } from "@/app/_lib/session";
import { listUserProjects, pickCurrentProject } from "@/lib/auth/access";
import { needsSetup } from "@/lib/auth/setup";

export default async function HomePage() {
  if (await needsSetup()) redirect("/setup");
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const current = pickCurrentProject(await listUserProjects(user.id), await rememberedProjectId());
  if (!current) redirect("/no-project");
  redirect(`/projects/${current.id}/webhooks`);
}
