import { parseDeliveryQuery } from "@/lib/deliveries/api-query";
import { csvFileName, streamDeliveriesCsv } from "@/lib/deliveries/csv";
import { assertKnownReferences } from "@/lib/deliveries/references";
import { apiKeyRoute } from "@/lib/http/route";

export const GET = apiKeyRoute({}, async ({ request, project }) => {
  const { filter } = parseDeliveryQuery(new URL(request.url).searchParams);
  await assertKnownReferences(project.id, filter);
  return new Response(streamDeliveriesCsv(project.id, filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName()}"`,
      "Cache-Control": "no-store",
    },
  });
});
