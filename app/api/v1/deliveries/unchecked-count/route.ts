import { countUncheckedFailures } from "@/lib/delivery-log/actions";
import { apiKeyRoute, json } from "@/lib/http/route";

export const GET = apiKeyRoute({}, async ({ project }) =>
  json({ count: await countUncheckedFailures(project.id) }),
);
