import { parseChartQuery } from "@/lib/delivery-log/api-query";
import { hourlyCounts } from "@/lib/delivery-log/chart";
import { assertKnownReferences } from "@/lib/delivery-log/references";
import { apiKeyRoute, json } from "@/lib/http/route";

export const GET = apiKeyRoute({}, async ({ request, project }) => {
  const query = parseChartQuery(new URL(request.url).searchParams);
  if (query.eventId) await assertKnownReferences(project.id, { eventId: query.eventId });
  return json({ buckets: await hourlyCounts(project.id, query) });
});
