import { checkReadiness } from "@/lib/db/readiness";

// Readiness: send traffic here only when the database answers and carries every migration
// this version ships.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  return readiness.ready
    ? Response.json({ status: "ready" }, { headers })
    : Response.json({ status: "not_ready", reason: readiness.reason }, { status: 503, headers });
}
