// Liveness for load balancers and orchestrators: the process is up and answers. It touches
// nothing else, so a slow database never gets a healthy process restarted.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
