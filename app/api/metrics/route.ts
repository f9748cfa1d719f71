import { env } from "@/lib/env";
import { renderMetrics } from "@/lib/http/metrics-scrape";
import { checkMetricsAccess } from "@/lib/observability/metrics-access";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const access = checkMetricsAccess(env().METRICS_TOKEN, request.headers.get("authorization"));
  if (access === "disabled") return new Response("Not found\n", { status: 404 });
  if (access === "unauthorized") {
    return new Response("Unauthorized: send the metrics token as Authorization: Bearer <token>\n", {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { contentType, body } = await renderMetrics();
  return new Response(body, {
    headers: { "Content-Type": contentType, "Cache-Control": "no-store" },
  });
}
