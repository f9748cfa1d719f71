import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { env } from "../env";
import { notFound } from "../errors";
import { REQUEST_DEFAULTS } from "../model/defaults";
import { maskHeaders, redactUrl } from "../model/sensitive";
import { openNullableSecret } from "../secrets/cipher";
import { type PreviewInput, renderWithSampleCall } from "../webhooks/preview";
import { parseWebhookEventRow } from "../webhooks/rows";
import { toWebhookRequestDto } from "../webhooks/serializers";
import type { AttemptError, AttemptResponse } from "./attempt-result";
import { sendRendered } from "./sender";

export type TestSendResult = {
  ok: boolean;
  startedAt: string;
  durationMs: number;
  request: {
    method: string;
    url: string;
    headers: Array<{ name: string; value: string }>;
    body: string;
  };
  response: AttemptResponse | null;
  error: AttemptError | null;
};

const decoder = new TextDecoder();

/**
 * Sends one request now, rendered with the trigger type's sample call, and reports what came
 * back. Nothing is stored: a test send never appears on the error check page.
 */
export async function sendTestRequest(
  projectId: string,
  input: PreviewInput,
  options: {
    timeoutMs?: number;
    signingSecret?: string | null;
    /** The saved request's headers: masked values from the form are sent as stored. */
    storedHeaders?: ReadonlyArray<{ name: string; value: string }>;
  } = {},
): Promise<TestSendResult> {
  const deliveryId = `test_${randomUUID()}`;
  const rendered = await renderWithSampleCall(projectId, input, {
    deliveryId,
    storedHeaders: options.storedHeaders ?? [],
  });
  const result = await sendRendered(rendered, {
    timeoutMs: options.timeoutMs ?? input.request.timeoutMs ?? REQUEST_DEFAULTS.timeoutMs,
    allowPrivate: env().WEBHOOK_ALLOW_PRIVATE_TARGETS,
    deliveryId,
    signingSecret: options.signingSecret ?? null,
  });
  return {
    ok: result.ok,
    startedAt: result.startedAt.toISOString(),
    durationMs: result.durationMs,
    request: {
      method: result.request.method,
      // The browser shows what was sent; sensitive values stay masked there as everywhere.
      url: redactUrl(result.request.url),
      headers: maskHeaders(result.request.headers),
      body: result.request.body ? decoder.decode(result.request.body) : "",
    },
    response: result.response,
    error: result.error,
  };
}

/** A test send of every request of a saved event, in order, with their own signing secrets. */
export async function sendTestForEvent(projectId: string, eventId: string) {
  const stored = await db.webhookEvent.findFirst({
    where: { id: eventId, projectId },
    include: { requests: { orderBy: { position: "asc" } } },
  });
  if (!stored) throw notFound("Webhook event");
  const event = parseWebhookEventRow(stored);
  const results = [];
  for (const row of event.requests) {
    const { id, position, paused: _paused, ...request } = toWebhookRequestDto(row, "unmasked");
    const result = await sendTestRequest(
      projectId,
      { type: event.triggerType, request },
      { signingSecret: row.signingEnabled ? openNullableSecret(row.signingSecret) : null },
    );
    results.push({ requestId: id, position, url: row.url, result });
  }
  return results;
}
