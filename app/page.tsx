import { redirect } from "next/navigation";
import { getCurrentUser } from "@/app/_lib/session";
import { listUserProjects } from "@/lib/auth/access";
import { needsSetup } from "@/lib/auth/setup";

export default async function HomePage() {
  if (await needsSetup()) redirect("/setup");
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const [first] = await listUserProjects(user.id);
  if (!first) redirect("/no-project");
  redirect(`/projects/${first.id}/webhooks`);
}
