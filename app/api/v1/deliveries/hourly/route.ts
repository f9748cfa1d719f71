import { parseChartQuery } from "@/lib/delivery-log/api-query";
import { hourlyCounts } from "@/lib/delivery-log/chart";
import { assertKnownReferences } from "@/lib/delivery-log/references";
import { apiKeyRoute, json } from "@/lib/http/route";

export const GET = apiKeyRoute({}, async ({ project, query }) => {
  const range = parseChartQuery(query);
  if (range.eventId) await assertKnownReferences(project.id, { eventId: range.eventId });
  return json({ buckets: await hourlyCounts(project.id, range) });
});
