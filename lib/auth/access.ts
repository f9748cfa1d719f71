import { db } from "../db/client";
import { AppError } from "../errors";

export const ROLES = ["viewer", "admin", "owner"] as const;
export type Role = (typeof ROLES)[number];

function rank(role: string): number {
  return ROLES.indexOf(role as Role);
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
  const membership = await db.membership.findUnique({
    where: { userId_projectId: { userId, projectId } },
    select: { role: true },
  });
  if (!membership) throw new AppError("not_found", "Project not found");
  if (rank(membership.role) < rank(minimum)) {
    throw new AppError("forbidden", `This needs the ${minimum} role in the project`);
  }
  return membership.role as Role;
}

export async function listUserProjects(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, project: { select: { id: true, name: true } } },
  });
  return memberships.map((m) => ({ id: m.project.id, name: m.project.name, role: m.role as Role }));
}
