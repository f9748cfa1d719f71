import { parseDeliveryQuery } from "@/lib/delivery-log/api-query";
import { csvFileName, streamDeliveriesCsv } from "@/lib/delivery-log/csv";
import { assertKnownReferences } from "@/lib/delivery-log/references";
import { apiKeyRoute } from "@/lib/http/route";

export const GET = apiKeyRoute({}, async ({ project, query }) => {
  const { filter } = parseDeliveryQuery(query);
  await assertKnownReferences(project.id, filter);
  return new Response(streamDeliveriesCsv(project.id, filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName()}"`,
      "Cache-Control": "no-store",
    },
  });
});
