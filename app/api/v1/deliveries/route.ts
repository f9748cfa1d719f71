import { parseDeliveryQuery } from "@/lib/delivery-log/api-query";
import { listDeliveries } from "@/lib/delivery-log/list";
import { assertKnownReferences } from "@/lib/delivery-log/references";
import { apiKeyRoute, json } from "@/lib/http/route";

export const GET = apiKeyRoute({}, async ({ project, query }) => {
  const { filter, limit } = parseDeliveryQuery(query, { paging: true });
  await assertKnownReferences(project.id, filter);
  return json(await listDeliveries(project.id, filter, limit));
});
