import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { readJsonBody } from "@/lib/http/json-body";
import { apiKeyRoute, json } from "@/lib/http/route";

const MAX_CALL_EVENT_BYTES = 256 * 1024;

export const POST = apiKeyRoute(
  { budget: "ingest", scope: "ingest" },
  async ({ project, request }) => {
    const body = await readJsonBody(request, MAX_CALL_EVENT_BYTES);
    const { created, callEventId, deliveries } = await ingestCallEvent(project.id, body);
    return json({ callEventId, deliveries }, created ? 202 : 200);
  },
);
