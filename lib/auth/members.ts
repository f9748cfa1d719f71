import { db, type Tx } from "../db/client";
import { AppError, notFound } from "../errors";
import { parseRole, type Role, rank } from "./access";
import type { MemberDto } from "./member-serializers";
import { type MemberRoleInput, memberRoleSchema } from "./schemas";

/**
 * Who changes the member list. A member acts with their role; an API key acts as an admin of
 * its project (userId null): it can invite, change and remove admins and viewers, never owners.
 */
export type MemberActor = { role: Role; userId: string | null };

export const API_KEY_ACTOR: MemberActor = { role: "admin", userId: null };

export function requireManager(actor: MemberActor): void {
  if (rank(actor.role) < rank("admin")) {
    throw new AppError("forbidden", { key: "managersOnly" });
  }
}

export async function listMembers(projectId: string): Promise<MemberDto[]> {
  const rows = await db.membership.findMany({
    where: { projectId },
    orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true, lastSignInAt: true } },
    },
  });
  return rows.map((row) => ({
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: parseRole({ role: row.role, userId: row.user.id, projectId }),
    joinedAt: row.createdAt.toISOString(),
    lastSignInAt: row.user.lastSignInAt?.toISOString() ?? null,
  }));
}

/**
 * Takes the project's row lock for the rest of the transaction. Two owners demoting each other
 * at once would each see the other still an owner and leave none; on PostgreSQL the update
 * makes the second transaction wait for the first and then count again. SQLite runs one write
 * transaction at a time anyway.
 */
async function lockMemberList(tx: Tx, projectId: string): Promise<void> {
  await tx.project.update({ where: { id: projectId }, data: { updatedAt: new Date() } });
}

async function findMemberRole(tx: Tx, projectId: string, userId: string) {
  const row = await tx.membership.findUnique({
    where: { userId_projectId: { userId, projectId } },
    select: { role: true, user: { select: { email: true } } },
  });
  if (!row) throw notFound("Member");
  return { role: parseRole({ role: row.role, userId, projectId }), email: row.user.email };
}

async function refuseLastOwner(
  tx: Tx,
  projectId: string,
  email: string,
  doing: "demote" | "remove",
) {
  const owners = await tx.membership.count({ where: { projectId, role: "owner" } });
  if (owners <= 1) {
    throw new AppError("conflict", {
      key: doing === "demote" ? "lastOwnerDemote" : "lastOwnerRemove",
      values: { email },
    });
  }
}

export async function changeMemberRole(
  projectId: string,
  actor: MemberActor,
  userId: string,
  input: MemberRoleInput,
): Promise<MemberDto> {
  requireManager(actor);
  const { role } = memberRoleSchema.parse(input);
  await db.$transaction(async (tx) => {
    await lockMemberList(tx, projectId);
    const current = await findMemberRole(tx, projectId, userId);
    if (current.role === role) return;
    if ((current.role === "owner" || role === "owner") && actor.role !== "owner") {
      throw new AppError("forbidden", { key: "ownersMakeOwners" }, "role");
    }
    if (current.role === "owner") await refuseLastOwner(tx, projectId, current.email, "demote");
    await tx.membership.update({
      where: { userId_projectId: { userId, projectId } },
      data: { role },
    });
  });
  const member = (await listMembers(projectId)).find((m) => m.userId === userId);
  if (!member) throw notFound("Member");
  return member;
}

export async function removeMember(
  projectId: string,
  actor: MemberActor,
  userId: string,
): Promise<void> {
  requireManager(actor);
  await db.$transaction(async (tx) => {
    await lockMemberList(tx, projectId);
    const current = await findMemberRole(tx, projectId, userId);
    if (current.role === "owner") {
      if (actor.role !== "owner") {
        throw new AppError("forbidden", { key: "ownersRemoveOwners" });
      }
      await refuseLastOwner(tx, projectId, current.email, "remove");
    }
    await tx.membership.delete({ where: { userId_projectId: { userId, projectId } } });
  });
}
