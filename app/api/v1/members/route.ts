import { listMembers } from "@/lib/auth/members";
import { apiKeyRoute, json } from "@/lib/http/route";

export const GET = apiKeyRoute({ sessionRole: "admin" }, async ({ project }) =>
  json({ members: await listMembers(project.id) }),
);
