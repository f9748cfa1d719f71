import { z } from "zod";
import { db } from "../db/client";
import { AppError, notFound } from "../errors";
import { RECORD_ID } from "../model/ids";
import { parseColumn } from "../model/stored";

import { ROLES, type Role, rank } from "./roles";

export { ROLES, type Role, rank };

const roleColumn = z.enum(ROLES);

export function parseRole(membership: { role: string; userId: string; projectId: string }): Role {
  const ref = { table: "Membership", id: `${membership.userId}/${membership.projectId}` };
  return parseColumn(roleColumn, membership.role, ref, "role");
}

/**
 * The user's role in the project, or a not-found error: a project the user is not a member
 * of is reported exactly like one that does not exist, so ids cannot be probed.
 */
export async function requireProjectRole(
  userId: string,
  projectId: string,
  minimum: Role = "viewer",
): Promise<Role> {
  // A malformed id (a NUL in it fails the query on PostgreSQL) names no project either.
  if (!RECORD_ID.test(projectId)) throw notFound("Project");
  const membership = await db.membership.findUnique({
    where: { userId_projectId: { userId, projectId } },
    select: { role: true },
  });
  if (!membership) throw notFound("Project");
  const role = parseRole({ role: membership.role, userId, projectId });
  if (rank(role) < rank(minimum)) {
    throw new AppError("forbidden", { key: "roleNeeded", values: { role: minimum } });
  }
  return role;
}

export async function listUserProjects(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, project: { select: { id: true, name: true } } },
  });
  return memberships.map((m) => ({
    id: m.project.id,
    name: m.project.name,
    role: parseRole({ role: m.role, userId, projectId: m.project.id }),
  }));
}

/**
 * The project a signed-in user lands on: the one they last switched to (remembered in a
 * cookie), while they are still a member of it, else their first.
 */
export function pickCurrentProject<P extends { id: string }>(
  projects: P[],
  rememberedId: string | undefined,
): P | undefined {
  return projects.find((p) => p.id === rememberedId) ?? projects[0];
}
