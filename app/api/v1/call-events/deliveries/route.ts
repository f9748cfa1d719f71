import { z } from "zod";
import { AppError } from "@/lib/errors";
import { apiKeyRoute, json } from "@/lib/http/route";
import { listCallEventDeliveries, MAX_CALL_EVENTS_PER_READ } from "@/lib/simulator/call-deliveries";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, { error: "not a valid id" });
const querySchema = z
  .object({ callEventId: z.array(id).min(1).max(MAX_CALL_EVENTS_PER_READ) })
  .strict();

/**
 * The deliveries of a few call events (`?callEventId=a&callEventId=b`), in the order asked
 * for: what the simulator follows while a call plays. Another project's ids return nothing.
 */
export const GET = apiKeyRoute({}, async ({ project, query }) => {
  for (const key of query.keys()) {
    if (key !== "callEventId") {
      throw new AppError("validation_failed", `${key}: unknown query parameter`, key);
    }
  }
  const { callEventId } = querySchema.parse({ callEventId: query.getAll("callEventId") });
  return json({ callEvents: await listCallEventDeliveries(project.id, callEventId) });
});
