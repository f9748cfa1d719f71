import { resendDeliveries } from "@/lib/delivery-log/actions";
import { parseBulkTarget } from "@/lib/delivery-log/filters";
import { assertKnownReferences } from "@/lib/delivery-log/references";
import { apiKeyRoute, json } from "@/lib/http/route";

export const POST = apiKeyRoute({}, async ({ project, readJson }) => {
  const target = parseBulkTarget(await readJson());
  if ("filter" in target) await assertKnownReferences(project.id, target.filter, "filter.");
  return json(await resendDeliveries(project.id, target), 202);
});
