"use server";

import { redirect } from "next/navigation";
import { type ActionResult, runAction } from "@/app/_actions/action-result";
import {
  clearSessionCookie,
  clientAddress,
  deviceToken,
  setDeviceCookie,
  setSessionCookie,
  userAgent,
} from "@/app/_lib/session";
import { logIn } from "@/lib/auth/login";
import type { LoginInput, SetupInput } from "@/lib/auth/schemas";
import { createSession, deleteSession } from "@/lib/auth/sessions";
import { createFirstAdministrator } from "@/lib/auth/setup";

export async function setupAction(input: SetupInput): Promise<ActionResult<{ projectId: string }>> {
  const result = await runAction(async () => {
    const { userId, projectId } = await createFirstAdministrator(input);
    const session = await createSession(userId, await userAgent());
    await setSessionCookie(session.token, session.expiresAt);
    return { projectId };
  });
  if (result.ok) redirect(`/projects/${result.data.projectId}/webhooks`);
  return result;
}

export async function loginAction(input: LoginInput): Promise<ActionResult> {
  const result = await runAction(async () => {
    const session = await logIn(input, {
      ip: await clientAddress(),
      userAgent: await userAgent(),
      deviceToken: await deviceToken(),
    });
    await setSessionCookie(session.token, session.expiresAt);
    if (session.deviceToken) await setDeviceCookie(session.deviceToken);
    return undefined;
  });
  if (result.ok) redirect("/");
  return result;
}

export async function logoutAction(): Promise<void> {
  await deleteSession(await clearSessionCookie());
  redirect("/login");
}
