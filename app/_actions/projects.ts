"use server";

import { redirect } from "next/navigation";
import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import {
  requireProjectAction,
  requireUserAction,
  setCurrentProjectCookie,
} from "@/app/_lib/session";
import type { ProjectCreateInput } from "@/lib/projects/schemas";
import { createProject } from "@/lib/projects/service";

/** A new project owned by the signed-in user, who then works in it. */
export async function createProjectAction(input: ProjectCreateInput): Promise<ActionResult> {
  const result = await runAction(async () => {
    const user = await requireUserAction();
    const project = await createProject(user.id, input);
    await setCurrentProjectCookie(project.id);
    return project.id;
  });
  if (result.ok) redirect(`/projects/${result.data}/webhooks`);
  return result;
}

/** Remembers the project for this browser (the home page opens it) and goes there. */
export async function switchProjectAction(projectId: string): Promise<ActionResult> {
  const result = await runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "viewer");
    await setCurrentProjectCookie(id);
    return id;
  });
  if (result.ok) redirect(`/projects/${result.data}/webhooks`);
  return result.ok ? { ok: true, data: undefined } : result;
}
