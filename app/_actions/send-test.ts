"use server";

import { z } from "zod";
import { type ActionResult, runAction } from "@/app/_actions/action-result";
import { requireProjectAction } from "@/app/_lib/session";
import { sendTestForEvent, sendTestRequest, type TestSendResult } from "@/lib/dispatch/test-send";
import type { PreviewInput } from "@/lib/webhooks/preview";
import { revealWebhookEventSecrets } from "@/lib/webhooks/service";

const idSchema = z.string().min(1).max(100);
const savedSchema = z.object({ eventId: idSchema, requestId: idSchema }).strict();

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
    const id = idSchema.parse(projectId);
    await requireProjectAction(id, "admin");
    let stored: { headers: Array<{ name: string; value: string }>; signingSecret: string | null } =
      { headers: [], signingSecret: null };
    if (saved) {
      const { eventId, requestId } = savedSchema.parse(saved);
      const secrets = await revealWebhookEventSecrets(id, eventId);
      stored = secrets.requests.find((r) => r.id === requestId) ?? stored;
    }
    return sendTestRequest(id, input, {
      signingSecret: input.request?.signing?.enabled ? stored.signingSecret : null,
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
    const id = idSchema.parse(projectId);
    await requireProjectAction(id, "admin");
    return sendTestForEvent(id, idSchema.parse(eventId));
  });
}
