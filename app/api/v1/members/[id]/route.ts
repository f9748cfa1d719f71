import { changeMemberRole, removeMember } from "@/lib/auth/members";
import type { MemberRoleInput } from "@/lib/auth/schemas";
import { apiKeyRoute, ID_PARAMS, json, noContent } from "@/lib/http/route";

// The id is the member's user id. The service parses the body and checks the actor's rights.
export const PATCH = apiKeyRoute(
  { params: ID_PARAMS, resource: "Member" },
  async ({ project, actor, params, readJson }) =>
    json(
      await changeMemberRole(project.id, actor, params.id, (await readJson()) as MemberRoleInput),
    ),
);

export const DELETE = apiKeyRoute(
  { params: ID_PARAMS, resource: "Member" },
  async ({ project, actor, params }) => {
    await removeMember(project.id, actor, params.id);
    return noContent();
  },
);
