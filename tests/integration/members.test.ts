import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import * as inviteRoute from "@/app/api/v1/invites/[id]/route";
import * as invitesRoute from "@/app/api/v1/invites/route";
import * as memberRoute from "@/app/api/v1/members/[id]/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import { listUserProjects, pickCurrentProject } from "@/lib/auth/access";
import { createApiKey } from "@/lib/auth/api-keys";
import {
  acceptInviteAsNewUser,
  acceptInviteAsUser,
  acceptInviteWithPassword,
  createInvite,
  listInvites,
  lookUpInvite,
} from "@/lib/auth/invites";
import { changeMemberRole, listMembers, removeMember } from "@/lib/auth/members";
import { createSession, findSessionUser, SESSION_COOKIE } from "@/lib/auth/sessions";
import { sha256Hex } from "@/lib/auth/tokens";
import { db } from "@/lib/db/client";
import { createProject } from "@/lib/projects/service";
import { listWebhookEvents } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";

type Handler = (request: Request, segment: { params: Promise<unknown> }) => Promise<Response>;

async function call(
  handler: Handler,
  options: {
    key?: string;
    cookie?: string;
    method?: string;
    query?: string;
    params?: Record<string, string>;
    body?: unknown;
  } = {},
) {
  const headers = new Headers();
  if (options.key !== undefined) headers.set("Auth-key", options.key);
  if (options.cookie !== undefined) headers.set("Cookie", options.cookie);
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request(`http://localhost:3000/api/v1/test${options.query ?? ""}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

async function cookieFor(userId: string) {
  const { token } = await createSession(userId);
  return `${SESSION_COOKIE}=${token}`;
}

function tokenOf(url: string): string {
  const token = new URL(url).pathname.split("/").pop();
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

async function ownerWithKey(label: string) {
  const owner = await createUserWithProject(label);
  const { key } = await createApiKey(owner.project.id, { name: "Members" });
  return { ...owner, key };
}

/** A second user with their own project, added to `projectId` with `role`. */
async function addMember(projectId: string, role: "owner" | "admin" | "viewer", label: string) {
  const other = await createUserWithProject(label);
  await db.membership.create({ data: { userId: other.user.id, projectId, role } });
  return other;
}

describe("invites", () => {
  it("shows the link once, stores only its hash, and lets a new person join as a viewer", async () => {
    const { project, key, email } = await ownerWithKey("inviter");
    const created = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email: " Colleague@Example.com ", role: "viewer" },
    });
    expect(created.status).toBe(201);
    expect(created.json.invite).toMatchObject({
      email: "colleague@example.com",
      role: "viewer",
      status: "pending",
      invitedBy: null,
    });
    expect(created.json.url).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{40,}$/);
    const token = tokenOf(created.json.url);
    const stored = await db.invite.findMany({ where: { projectId: project.id } });
    expect(JSON.stringify(stored)).not.toContain(token);
    const [invite] = stored;
    expect(invite?.tokenHash).toBe(sha256Hex(token));
    const days =
      ((invite?.expiresAt.getTime() ?? 0) - (invite?.createdAt.getTime() ?? 0)) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);

    const listed = await call(invitesRoute.GET, { key });
    expect(listed.json.invites.map((i: { email: string }) => i.email)).toEqual([
      "colleague@example.com",
    ]);
    expect(JSON.stringify(listed.json)).not.toContain(token);

    expect(await lookUpInvite(token)).toEqual({
      email: "colleague@example.com",
      role: "viewer",
      projectName: "inviter project",
      accountExists: false,
    });

    const joined = await acceptInviteAsNewUser(token, {
      name: "Olena Koval",
      password: "a long enough password",
    });
    expect(joined.projectId).toBe(project.id);
    expect(await findSessionUser(joined.session.token)).toMatchObject({
      email: "colleague@example.com",
    });
    const members = await listMembers(project.id);
    expect(members.map((m) => [m.email, m.name, m.role])).toEqual([
      [email, null, "owner"],
      ["colleague@example.com", "Olena Koval", "viewer"],
    ]);
    expect(members[1]?.lastSignInAt).not.toBeNull();
    expect(await listInvites(project.id)).toEqual([]);

    await expect(
      acceptInviteAsNewUser(token, { name: "Again", password: "a long enough password" }),
    ).rejects.toThrow("This invite link was already used");
  });

  it("writes nothing when the new person's password is too short, and the link still works", async () => {
    const { project, key } = await ownerWithKey("short");
    const created = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email: "short-pw@example.com", role: "admin" },
    });
    const token = tokenOf(created.json.url);
    await expect(
      acceptInviteAsNewUser(token, { name: "Short", password: "short" }),
    ).rejects.toThrow("Use at least 12 characters");
    expect(await db.user.count({ where: { email: "short-pw@example.com" } })).toBe(0);
    expect(await listInvites(project.id)).toHaveLength(1);
    await acceptInviteAsNewUser(token, { name: "Short", password: "now long enough, really" });
    const member = (await listMembers(project.id)).find((m) => m.email === "short-pw@example.com");
    expect(member?.role).toBe("admin");
  });

  it("lets a person with an account sign in to join; a wrong password joins nothing", async () => {
    const { project, key } = await ownerWithKey("existing");
    const colleague = await createUserWithProject("colleague");
    const created = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email: colleague.email, role: "admin" },
    });
    const token = tokenOf(created.json.url);
    expect((await lookUpInvite(token)).accountExists).toBe(true);

    await expect(
      acceptInviteWithPassword(token, { password: "not the password" }, { ip: null }),
    ).rejects.toThrow("Email or password is incorrect");
    expect((await listMembers(project.id)).map((m) => m.email)).not.toContain(colleague.email);
    await expect(
      acceptInviteAsNewUser(token, { name: "Dup", password: "a long enough password" }),
    ).rejects.toThrow("already has an account");

    const joined = await acceptInviteWithPassword(
      token,
      { password: colleague.password },
      { ip: null },
    );
    expect(joined.projectId).toBe(project.id);
    const projects = await listUserProjects(colleague.user.id);
    expect(projects.map((p) => [p.id, p.role])).toEqual([
      [colleague.project.id, "owner"],
      [project.id, "admin"],
    ]);
  });

  it("refuses a signed-in account whose email is not the invited one", async () => {
    const { project } = await ownerWithKey("wrong-email");
    const stranger = await createUserWithProject("stranger");
    const { token } = await createInvite(
      project.id,
      { role: "owner", userId: null },
      { email: "someone-else@example.com", role: "viewer" },
    );
    await expect(acceptInviteAsUser(token, stranger.user)).rejects.toThrow(
      `This invite is for someone-else@example.com; you are signed in as ${stranger.email}`,
    );
    expect(await listInvites(project.id)).toHaveLength(1);
  });

  it("revokes, expires and replaces invites, and names the reason a link cannot be used", async () => {
    const { project, key } = await ownerWithKey("revoker");
    const first = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email: "twice@example.com", role: "viewer" },
    });
    const second = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email: "twice@example.com", role: "admin" },
    });
    await expect(lookUpInvite(tokenOf(first.json.url))).rejects.toThrow("This invite was revoked");
    const pending = await listInvites(project.id);
    expect(pending.map((i) => [i.email, i.role])).toEqual([["twice@example.com", "admin"]]);

    const revoked = await call(inviteRoute.DELETE, {
      key,
      method: "DELETE",
      params: { id: second.json.invite.id },
    });
    expect(revoked.status).toBe(204);
    await expect(lookUpInvite(tokenOf(second.json.url))).rejects.toThrow("This invite was revoked");
    const again = await call(inviteRoute.DELETE, {
      key,
      method: "DELETE",
      params: { id: second.json.invite.id },
    });
    expect(again.status).toBe(404);

    const old = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email: "late@example.com", role: "viewer" },
    });
    await db.invite.update({
      where: { id: old.json.invite.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await listInvites(project.id)).map((i) => i.status)).toEqual(["expired"]);
    await expect(
      acceptInviteAsNewUser(tokenOf(old.json.url), { name: "Late", password: "long enough pass" }),
    ).rejects.toThrow("This invite has expired; ask for a new one");
    await expect(lookUpInvite("not-a-real-token-at-all-0000")).rejects.toThrow(
      "This invite link is not valid",
    );
  });

  it("answers 422 naming the field for a bad email or an owner invite, and 409 for a member", async () => {
    const { email, key } = await ownerWithKey("bad-invite");
    const badEmail = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email: "nope", role: "viewer" },
    });
    expect(badEmail.status).toBe(422);
    expect(badEmail.json.error.field).toBe("email");
    const owner = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email: "x@example.com", role: "owner" },
    });
    expect(owner.status).toBe(422);
    expect(owner.json.error.field).toBe("role");
    const extra = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email: "x@example.com", role: "viewer", projectId: "other" },
    });
    expect(extra.status).toBe(422);
    const member = await call(invitesRoute.POST, {
      key,
      method: "POST",
      body: { email, role: "viewer" },
    });
    expect(member.status).toBe(409);
    expect(member.json.error).toMatchObject({
      field: "email",
      message: `${email} is already a member of this project`,
    });
  });
});

describe("roles", () => {
  it("lets an API key manage admins and viewers but not owners", async () => {
    const { project, user, key } = await ownerWithKey("api-roles");
    const viewer = await addMember(project.id, "viewer", "api-viewer");

    const promoted = await call(memberRoute.PATCH, {
      key,
      method: "PATCH",
      params: { id: viewer.user.id },
      body: { role: "admin" },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.json).toMatchObject({ userId: viewer.user.id, role: "admin" });

    const toOwner = await call(memberRoute.PATCH, {
      key,
      method: "PATCH",
      params: { id: viewer.user.id },
      body: { role: "owner" },
    });
    expect(toOwner.status).toBe(403);
    expect(toOwner.json.error.message).toBe("Only an owner can make or demote owners");

    const removeOwner = await call(memberRoute.DELETE, {
      key,
      method: "DELETE",
      params: { id: user.id },
    });
    expect(removeOwner.status).toBe(403);
    const badRole = await call(memberRoute.PATCH, {
      key,
      method: "PATCH",
      params: { id: viewer.user.id },
      body: { role: "superuser" },
    });
    expect(badRole.status).toBe(422);
    expect(badRole.json.error.field).toBe("role");
    const stranger = await call(memberRoute.DELETE, {
      key,
      method: "DELETE",
      params: { id: "no-such-user" },
    });
    expect(stranger.status).toBe(404);

    const removed = await call(memberRoute.DELETE, {
      key,
      method: "DELETE",
      params: { id: viewer.user.id },
    });
    expect(removed.status).toBe(204);
    const listed = await call(membersRoute.GET, { key });
    expect(listed.json.members.map((m: { userId: string }) => m.userId)).toEqual([user.id]);
  });

  it("never leaves a project without an owner, and says why", async () => {
    const { project, user, email } = await ownerWithKey("last-owner");
    const owner = { role: "owner" as const, userId: user.id };
    await expect(changeMemberRole(project.id, owner, user.id, { role: "admin" })).rejects.toThrow(
      `Cannot demote ${email}: they are the project's last owner. Make another member an owner first.`,
    );
    await expect(removeMember(project.id, owner, user.id)).rejects.toThrow(
      `Cannot remove ${email}: they are the project's last owner.`,
    );

    const second = await addMember(project.id, "admin", "second-owner");
    await changeMemberRole(project.id, owner, second.user.id, { role: "owner" });
    // Two owners demoting each other at once: one wins, the other is refused.
    const results = await Promise.allSettled([
      changeMemberRole(project.id, owner, second.user.id, { role: "admin" }),
      changeMemberRole(project.id, { role: "owner", userId: second.user.id }, user.id, {
        role: "viewer",
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(String(refused?.reason)).toContain("last owner");
    const roles = (await listMembers(project.id)).map((m) => m.role);
    expect(roles.filter((r) => r === "owner")).toHaveLength(1);
  });

  it("keeps viewers away from the member list and changes; admins cannot touch owners", async () => {
    const { project, user } = await ownerWithKey("viewer-refused");
    const viewer = await addMember(project.id, "viewer", "plain-viewer");
    const admin = await addMember(project.id, "admin", "plain-admin");
    const query = `?projectId=${project.id}`;

    const asViewer = await call(membersRoute.GET, {
      cookie: await cookieFor(viewer.user.id),
      query,
    });
    expect(asViewer.status).toBe(403);
    const invitesAsViewer = await call(invitesRoute.GET, {
      cookie: await cookieFor(viewer.user.id),
      query,
    });
    expect(invitesAsViewer.status).toBe(403);
    await expect(
      createInvite(
        project.id,
        { role: "viewer", userId: viewer.user.id },
        {
          email: "v@example.com",
          role: "viewer",
        },
      ),
    ).rejects.toThrow("Only owners and admins can manage members");
    await expect(
      removeMember(project.id, { role: "viewer", userId: viewer.user.id }, admin.user.id),
    ).rejects.toThrow("Only owners and admins can manage members");

    const asAdmin = await call(membersRoute.GET, { cookie: await cookieFor(admin.user.id), query });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.json.members).toHaveLength(3);
    await expect(
      removeMember(project.id, { role: "admin", userId: admin.user.id }, user.id),
    ).rejects.toThrow("Only an owner can remove an owner");

    // A change with only the cookie is a request without a key.
    const cookieWrite = await call(memberRoute.DELETE, {
      cookie: await cookieFor(user.id),
      method: "DELETE",
      query,
      params: { id: viewer.user.id },
    });
    expect(cookieWrite.status).toBe(401);
    expect((await listMembers(project.id)).map((m) => m.userId)).toContain(viewer.user.id);
  });
});

describe("projects", () => {
  it("creates another project owned by its creator, with the default event, and lists both", async () => {
    const first = await createUserWithProject("multi");
    const second = await createProject(first.user.id, { name: "  Second brand " });
    expect(second.name).toBe("Second brand");
    expect(await listWebhookEvents(second.id)).toHaveLength(1);
    const cookie = await cookieFor(first.user.id);
    const listed = await call(projectsRoute.GET, { cookie });
    expect(listed.status).toBe(200);
    expect(listed.json.projects).toEqual([
      { id: first.project.id, name: "multi project", role: "owner" },
      { id: second.id, name: "Second brand", role: "owner" },
    ]);
    await expect(createProject(first.user.id, { name: " " })).rejects.toThrow(
      "Enter a project name",
    );

    const { key } = await createApiKey(second.id, { name: "k" });
    const byKey = await call(projectsRoute.GET, { key });
    expect(byKey.json.projects).toEqual([{ id: second.id, name: "Second brand", role: "admin" }]);
    expect((await call(projectsRoute.GET)).status).toBe(401);
  });

  it("opens the remembered project only while the user is still a member", () => {
    const projects = [{ id: "a" }, { id: "b" }];
    expect(pickCurrentProject(projects, "b")?.id).toBe("b");
    expect(pickCurrentProject(projects, "gone")?.id).toBe("a");
    expect(pickCurrentProject(projects, undefined)?.id).toBe("a");
    expect(pickCurrentProject([], "b")).toBeUndefined();
  });
});
