import { createInvite, invitePath, listInvites } from "@/lib/auth/invites";
import type { InviteCreateInput } from "@/lib/auth/schemas";
import { apiKeyRoute, json } from "@/lib/http/route";

export const GET = apiKeyRoute({ sessionRole: "admin" }, async ({ project }) =>
  json({ invites: await listInvites(project.id) }),
);

/** The link is in this answer only: the token is stored as a hash. */
export const POST = apiKeyRoute({}, async ({ request, project, actor, readJson }) => {
  const { token, invite } = await createInvite(
    project.id,
    actor,
    (await readJson()) as InviteCreateInput,
  );
  return json({ invite, url: new URL(invitePath(token), request.url).toString() }, 201);
});
