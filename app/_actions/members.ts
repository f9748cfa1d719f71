"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import {
  clientAddress,
  deviceToken,
  getCurrentUser,
  requireProjectAction,
  setCurrentProjectCookie,
  setDeviceCookie,
  setSessionCookie,
  userAgent,
} from "@/app/_lib/session";
import {
  acceptInviteAsNewUser,
  acceptInviteAsUser,
  acceptInviteWithPassword,
  createInvite,
  invitePath,
  revokeInvite,
} from "@/lib/auth/invites";
import type { InviteDto, MemberDto } from "@/lib/auth/member-serializers";
import { changeMemberRole, removeMember } from "@/lib/auth/members";
import type {
  InviteCreateInput,
  InviteSignInInput,
  InviteSignUpInput,
  MemberRoleInput,
} from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";

// The project id comes from the page URL; every action re-checks the session and the role in
// that project, and the services check again what that role may do (owners, the last owner).

function revalidateMembers(projectId: string) {
  revalidatePath(`/projects/${projectId}/members`);
}

export async function createInviteAction(
  projectId: string,
  input: InviteCreateInput,
): Promise<ActionResult<{ path: string; invite: InviteDto }>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    const { user, role } = await requireProjectAction(id, "admin");
    const { token, invite } = await createInvite(id, { role, userId: user.id }, input);
    revalidateMembers(id);
    return { path: invitePath(token), invite };
  });
}

export async function revokeInviteAction(
  projectId: string,
  inviteId: string,
): Promise<ActionResult> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    const { user, role } = await requireProjectAction(id, "admin");
    const invite = parseArgument("inviteId", actionIdSchema, inviteId);
    await revokeInvite(id, { role, userId: user.id }, invite);
    revalidateMembers(id);
    return undefined;
  });
}

export async function changeMemberRoleAction(
  projectId: string,
  userId: string,
  input: MemberRoleInput,
): Promise<ActionResult<MemberDto>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    const { user, role } = await requireProjectAction(id, "admin");
    const memberId = parseArgument("userId", actionIdSchema, userId);
    const member = await changeMemberRole(id, { role, userId: user.id }, memberId, input);
    revalidatePath(`/projects/${id}`, "layout");
    return member;
  });
}

export async function removeMemberAction(projectId: string, userId: string): Promise<ActionResult> {
  const result = await runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    const { user, role } = await requireProjectAction(id, "admin");
    const memberId = parseArgument("userId", actionIdSchema, userId);
    await removeMember(id, { role, userId: user.id }, memberId);
    revalidateMembers(id);
    return user.id === memberId;
  });
  // Removing yourself leaves the project: go to wherever you still belong.
  if (result.ok && result.data) redirect("/");
  return result.ok ? { ok: true, data: undefined } : result;
}

/** The token from the invite link; its shape and use are checked by the invite service. */
const tokenSchema = z.string();

async function joined(projectId: string): Promise<never> {
  await setCurrentProjectCookie(projectId);
  redirect(`/projects/${projectId}/webhooks`);
}

/** Signed in as the invited email: join. */
export async function acceptInviteAction(token: string): Promise<ActionResult> {
  const result = await runAction(async () => {
    const link = parseArgument("token", tokenSchema, token);
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized", { key: "signInToAccept" });
    return acceptInviteAsUser(link, user);
  });
  if (result.ok) await joined(result.data.projectId);
  return result.ok ? { ok: true, data: undefined } : result;
}

/** New to the account: name and password, then signed in and joined. */
export async function acceptInviteSignUpAction(
  token: string,
  input: InviteSignUpInput,
): Promise<ActionResult> {
  const result = await runAction(async () => {
    const link = parseArgument("token", tokenSchema, token);
    const { projectId, session } = await acceptInviteAsNewUser(link, input, await userAgent());
    await setSessionCookie(session.token, session.expiresAt);
    return projectId;
  });
  if (result.ok) await joined(result.data);
  return result.ok ? { ok: true, data: undefined } : result;
}

/** Has an account but is signed out: the account's password, then signed in and joined. */
export async function acceptInviteSignInAction(
  token: string,
  input: InviteSignInInput,
): Promise<ActionResult> {
  const result = await runAction(async () => {
    const link = parseArgument("token", tokenSchema, token);
    const { projectId, session } = await acceptInviteWithPassword(link, input, {
      ip: await clientAddress(),
      userAgent: await userAgent(),
      deviceToken: await deviceToken(),
    });
    await setSessionCookie(session.token, session.expiresAt);
    if (session.deviceToken) await setDeviceCookie(session.deviceToken);
    return projectId;
  });
  if (result.ok) await joined(result.data);
  return result.ok ? { ok: true, data: undefined } : result;
}
