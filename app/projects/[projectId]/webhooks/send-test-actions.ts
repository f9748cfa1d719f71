"use server";

import { z } from "zod";
import { type ActionResult, runAction } from "@/app/_lib/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import { sendTestForEvent, sendTestRequest, type TestSendResult } from "@/lib/delivery/test-send";
import type { PreviewInput } from "@/lib/webhooks/preview";

const idSchema = z.string().min(1).max(100);

/**
 * Send test from the wizard: the request as it stands in the form (saved or not), rendered
 * with the sample call and sent now. An admin action: it reaches the customer's server.
 */
export async function sendTestRequestAction(
  projectId: string,
  input: PreviewInput,
): Promise<ActionResult<TestSendResult>> {
  return runAction(async () => {
    const id = idSchema.parse(projectId);
    await requireProjectAction(id, "admin");
    return sendTestRequest(id, input);
  });
}

/** Send test from the events table: every request of the saved event, in order. */
export async function sendTestEventAction(
  projectId: string,
  eventId: string,
): Promise<ActionResult<Awaited<ReturnType<typeof sendTestForEvent>>>> {
  return runAction(async () => {
    const id = idSchema.parse(projectId);
    await requireProjectAction(id, "admin");
    return sendTestForEvent(id, idSchema.parse(eventId));
  });
}
