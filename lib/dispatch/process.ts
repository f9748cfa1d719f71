import { env } from "../env";
import { redactRequest } from "../model/sensitive";
import { metrics } from "../observability/metrics";
import { type RenderedRequest, renderRequest } from "../render";
import type { AttemptResult } from "./attempt-result";
import { type ClaimedDelivery, loadClaimedDeliveries } from "./claimed-delivery";
import { openStoredRendered, toStoredRendered } from "./rendered-snapshot";
import { decideRetry } from "./retry-policy";
import { sendRendered } from "./sender";
import { createSettler, type Settlement, type Settler } from "./settle";
import type { Withdrawal } from "./withdrawal";

/** `withdrawn`: taken back unsent by a stopping worker, which releases its lease; nothing is recorded. */
type Outcome = "succeeded" | "retrying" | "failed" | "skipped" | "withdrawn";

function renderFor(delivery: ClaimedDelivery): RenderedRequest {
  const stored = openStoredRendered(delivery);
  if (stored) return stored;
  if (!delivery.request) throw new Error("its webhook request was deleted before it was sent");
  return renderRequest(delivery.request, delivery.call, {
    projectId: delivery.projectId,
    timeZone: delivery.project.timeZone,
    eventType: delivery.triggerType,
    eventTime: delivery.occurredAt,
    deliveryId: delivery.id,
    gaMeasurementId: delivery.project.gaMeasurementId,
    gaApiSecret: delivery.project.gaApiSecret,
  });
}

/**
 * The secret before a rotation while its overlap lasts. Checked at every send (the parsed
 * request is cached per version): after the period the old secret is simply no longer used.
 */
function previousSecret(delivery: ClaimedDelivery): string | null {
  const previous = delivery.request?.signing.previous;
  return previous && previous.until.getTime() > Date.now() ? previous.secret : null;
}

/** Header names the admin marked secret on the request (the name rule covers the rest). */
function secretHeaderNames(delivery: ClaimedDelivery): Set<string> {
  const headers = delivery.request?.headers ?? [];
  return new Set(headers.filter((h) => h.secret).map((h) => h.name.toLowerCase()));
}

/**
 * The attempt as it is stored and shown: sensitive header and query values masked (the real
 * request is kept sealed on the delivery), also inside the error text, which may quote the URL.
 */
function redactedResult(result: AttemptResult, secretNames: ReadonlySet<string>): AttemptResult {
  const request = redactRequest(result.request, secretNames);
  const error = result.error && {
    ...result.error,
    message: result.error.message.replaceAll(result.request.url, request.url),
  };
  return { ...result, request, error };
}

/**
 * One attempt of one claimed delivery: render (first time) or reuse the stored request, send,
 * then hand the outcome to the settler (delivered, retry later, or failed).
 */
export async function sendClaimed(
  delivery: ClaimedDelivery,
  workerId: string,
  settler: Settler,
  withdrawal?: Withdrawal,
): Promise<Outcome> {
  if (delivery.leaseOwner !== workerId || delivery.status !== "sending") return "skipped";
  if (withdrawal?.withdrawn) return "withdrawn";
  let rendered: RenderedRequest;
  try {
    rendered = renderFor(delivery);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return settleWith(delivery, workerId, settler, null, {
      kind: "render",
      message: `Not sent: ${message}`,
    });
  }
  const request = delivery.request;
  const result = await sendRendered(rendered, {
    timeoutMs: request?.timeoutMs ?? 10_000,
    allowPrivate: env().WEBHOOK_ALLOW_PRIVATE_TARGETS,
    deliveryId: delivery.id,
    signingSecret: request?.signing.enabled ? (request.signing.secret ?? null) : null,
    previousSigningSecret: previousSecret(delivery),
    withdrawal,
  });
  if (withdrawal?.withdrawn) return "withdrawn";
  metrics().attemptDuration.observe(
    { outcome: result.ok ? "succeeded" : "failed" },
    result.durationMs / 1000,
  );
  return settleWith(delivery, workerId, settler, { rendered, result }, result.error);
}

async function settleWith(
  delivery: ClaimedDelivery,
  workerId: string,
  settler: Settler,
  sent: { rendered: RenderedRequest; result: AttemptResult } | null,
  error: { kind: string; message: string } | null,
): Promise<Outcome> {
  const attemptNumber = delivery.attemptCount + 1;
  const result = sent?.result ?? null;
  const statusCode = result?.response?.status ?? null;
  const now = new Date();
  let outcome: Exclude<Outcome, "skipped" | "withdrawn">;
  let nextAttemptAt = delivery.nextAttemptAt;
  let gone = false;
  if (result?.ok) {
    outcome = "succeeded";
  } else {
    const decision = sent
      ? decideRetry({
          attempt: attemptNumber,
          maxAttempts: delivery.maxAttempts,
          schedule: delivery.request?.retry.schedule ?? "exponential",
          status: statusCode,
          retryAfterMs: result?.retryAfterMs ?? null,
        })
      : ({ retry: false, reason: "exhausted" } as const);
    if (decision.retry) {
      outcome = "retrying";
      nextAttemptAt = new Date(now.getTime() + decision.delayMs);
    } else {
      outcome = "failed";
      gone = decision.reason === "gone";
    }
  }
  const shown = result && redactedResult(result, secretHeaderNames(delivery));
  const settlement: Settlement = {
    deliveryId: delivery.id,
    workerId,
    requestId: delivery.request?.id ?? null,
    attemptNumber,
    status: outcome === "retrying" ? "pending" : outcome,
    nextAttemptAt,
    statusCode,
    error: shown ? shown.error : error,
    firstRendered:
      sent && !delivery.rendered
        ? toStoredRendered(sent.rendered, secretHeaderNames(delivery))
        : null,
    result: shown,
    bodyOnDelivery: sameBytes(result?.request.body ?? null, sent?.rendered.body ?? null),
    gone,
    at: now,
  };
  const recorded = await settler.settle(settlement);
  // Counted once, by the worker whose outcome was written (a lost lease writes nothing).
  if (recorded && (outcome === "succeeded" || outcome === "failed"))
    metrics().deliveriesCompleted.inc({ outcome });
  return outcome;
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  return a !== null && b !== null && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** Sends one delivery this worker already leased and records it at once (tests, tools). */
export async function processDelivery(deliveryId: string, workerId: string): Promise<Outcome> {
  const [delivery] = await loadClaimedDeliveries([deliveryId]);
  if (!delivery) return "skipped";
  const settler = createSettler();
  return sendClaimed(delivery, workerId, settler);
}
