import { revokeInvite } from "@/lib/auth/invites";
import { apiKeyRoute, ID_PARAMS, noContent } from "@/lib/http/route";

export const DELETE = apiKeyRoute(
  { params: ID_PARAMS, resource: "Pending invite" },
  async ({ project, actor, params }) => {
    await revokeInvite(project.id, actor, params.id);
    return noContent();
  },
);
