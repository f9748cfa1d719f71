"use server";

import { revalidatePath } from "next/cache";
import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import type { ApiKeyCreateInput, ApiKeyDto } from "@/lib/auth/api-key-scopes";
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import type { ProjectSettingsInput } from "@/lib/projects/schemas";
import { updateProjectSettings } from "@/lib/projects/service";

// The project id comes from the page URL, never from form data; every action re-checks the
// session and the role in that project.

export async function updateProjectSettingsAction(
  projectId: string,
  input: ProjectSettingsInput,
): Promise<ActionResult> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    await updateProjectSettings(id, input);
    revalidatePath(`/projects/${id}`, "layout");
    return undefined;
  });
}

export async function createApiKeyAction(
  projectId: string,
  input: ApiKeyCreateInput,
): Promise<ActionResult<{ key: string; apiKey: ApiKeyDto }>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    const created = await createApiKey(id, input);
    revalidatePath(`/projects/${id}/settings`);
    return created;
  });
}

export async function revokeApiKeyAction(
  projectId: string,
  apiKeyId: string,
): Promise<ActionResult> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    await revokeApiKey(id, parseArgument("apiKeyId", actionIdSchema, apiKeyId));
    revalidatePath(`/projects/${id}/settings`);
    return undefined;
  });
}
