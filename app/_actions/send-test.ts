"use server";

import { z } from "zod";
import {
  type ActionResult,
  actionIdSchema,
  parseArgument,
  runAction,
} from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import { sendTestForEvent, sendTestRequest, type TestSendResult } from "@/lib/dispatch/test-send";
import { type PreviewInput, previewInputSchema } from "@/lib/webhooks/preview";
import { revealWebhookEventSecrets } from "@/lib/webhooks/service";

const savedSchema = z.object({ eventId: actionIdSchema, requestId: actionIdSchema }).strict();

/**
 * Send test from the wizard: the request as it stands in the form (saved or not), rendered
 * with the sample call and sent now. An admin action: it reaches the customer's server.
 * A saved request with signing on is signed with its stored secret, looked up here by id and
 * project: a secret sent by the browser is never used. Header values the form holds masked are
 * sent as stored; an unsaved request has nothing behind a mask, so a mask there is refused.
 */
export async function sendTestRequestAction(
  projectId: string,
  input: PreviewInput,
  saved?: { eventId: string; requestId: string },
): Promise<ActionResult<TestSendResult>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    // Checked before anything is read from it: an action takes any value, null included.
    const config = previewInputSchema.parse(input);
    let stored: { headers: Array<{ name: string; value: string }>; signingSecret: string | null } =
      { headers: [], signingSecret: null };
    if (saved) {
      const { eventId, requestId } = parseArgument("saved", savedSchema, saved);
      const secrets = await revealWebhookEventSecrets(id, eventId);
      stored = secrets.requests.find((r) => r.id === requestId) ?? stored;
    }
    return sendTestRequest(id, input, {
      signingSecret: config.request.signing.enabled ? stored.signingSecret : null,
      storedHeaders: stored.headers,
    });
  });
}

/** Send test from the events table: every request of the saved event, in order. */
export async function sendTestEventAction(
  projectId: string,
  eventId: string,
): Promise<ActionResult<Awaited<ReturnType<typeof sendTestForEvent>>>> {
  return runAction(async () => {
    const id = parseArgument("projectId", actionIdSchema, projectId);
    await requireProjectAction(id, "admin");
    return sendTestForEvent(id, parseArgument("eventId", actionIdSchema, eventId));
  });
}
