import { parseChartQuery } from "@/lib/deliveries/api-query";
import { hourlyCounts } from "@/lib/deliveries/chart";
import { assertKnownReferences } from "@/lib/deliveries/references";
import { apiKeyRoute, json } from "@/lib/http/route";

export const GET = apiKeyRoute({}, async ({ request, project }) => {
  const query = parseChartQuery(new URL(request.url).searchParams);
  if (query.eventId) await assertKnownReferences(project.id, { eventId: query.eventId });
  return json({ buckets: await hourlyCounts(project.id, query) });
});
