"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, runAction } from "@/app/_actions/action-result";
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
    await requireProjectAction(projectId, "admin");
    await updateProjectSettings(projectId, input);
    revalidatePath(`/projects/${projectId}`, "layout");
    return undefined;
  });
}

export async function createApiKeyAction(
  projectId: string,
  input: ApiKeyCreateInput,
): Promise<ActionResult<{ key: string; apiKey: ApiKeyDto }>> {
  return runAction(async () => {
    await requireProjectAction(projectId, "admin");
    const created = await createApiKey(projectId, input);
    revalidatePath(`/projects/${projectId}/settings`);
    return created;
  });
}

export async function revokeApiKeyAction(
  projectId: string,
  apiKeyId: string,
): Promise<ActionResult> {
  return runAction(async () => {
    await requireProjectAction(projectId, "admin");
    await revokeApiKey(projectId, apiKeyId);
    revalidatePath(`/projects/${projectId}/settings`);
    return undefined;
  });
}
