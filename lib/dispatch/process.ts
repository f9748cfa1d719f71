import { db } from "../db/client";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import type { TriggerType } from "../model/trigger-types";
import { type RenderedRequest, renderRequest } from "../render";
import { toWebhookRequestDto } from "../webhooks/serializers";
import type { AttemptResult } from "./attempt-result";
import { fromSnapshot, type RenderedSnapshot, toSnapshot } from "./rendered-snapshot";
import { decideRetry, type RetrySchedule } from "./retry-policy";
import { sendRendered } from "./sender";

/** After this many failed deliveries in a row a request is paused until it is enabled again. */
export const PAUSE_AFTER_FAILURES = 50;

type Outcome = "succeeded" | "retrying" | "failed" | "skipped";

function loadDelivery(id: string) {
  return db.delivery.findUnique({
    where: { id },
    include: {
      callEvent: { select: { call: true, occurredAt: true, triggerType: true } },
      webhookRequest: true,
      project: { select: { id: true, timeZone: true, gaMeasurementId: true, gaApiSecret: true } },
    },
  });
}

type LoadedDelivery = NonNullable<Awaited<ReturnType<typeof loadDelivery>>>;

function renderFor(delivery: LoadedDelivery): RenderedRequest {
  if (delivery.rendered) return fromSnapshot(delivery.rendered as RenderedSnapshot);
  if (!delivery.webhookRequest)
    throw new Error("its webhook request was deleted before it was sent");
  return renderRequest(
    toWebhookRequestDto(delivery.webhookRequest),
    delivery.callEvent.call as Record<string, unknown>,
    {
      projectId: delivery.project.id,
      timeZone: delivery.project.timeZone,
      eventType: delivery.callEvent.triggerType as TriggerType,
      eventTime: delivery.callEvent.occurredAt,
      deliveryId: delivery.id,
      gaMeasurementId: delivery.project.gaMeasurementId,
      gaApiSecret: delivery.project.gaApiSecret,
    },
  );
}

/**
 * One attempt of one claimed delivery: render (first time) or reuse the stored request, send,
 * record the attempt, then settle the delivery: delivered, retry later, or failed.
 */
export async function processDelivery(deliveryId: string, workerId: string): Promise<Outcome> {
  const delivery = await loadDelivery(deliveryId);
  if (!delivery || delivery.leaseOwner !== workerId || delivery.status !== "sending")
    return "skipped";

  let rendered: RenderedRequest;
  try {
    rendered = renderFor(delivery);
  } catch (error) {
    await settle(delivery, workerId, null, {
      kind: "render",
      message: `Not sent: ${(error as Error).message}`,
    });
    return "failed";
  }
  const request = delivery.webhookRequest;
  const result = await sendRendered(rendered, {
    timeoutMs: request?.timeoutMs ?? 10_000,
    allowPrivate: env().WEBHOOK_ALLOW_PRIVATE_TARGETS,
    deliveryId: delivery.id,
    signingSecret: request?.signingEnabled ? request.signingSecret : null,
  });
  return settle(delivery, workerId, { rendered, result }, result.error);
}

async function settle(
  delivery: LoadedDelivery,
  workerId: string,
  sent: { rendered: RenderedRequest; result: AttemptResult } | null,
  error: { kind: string; message: string } | null,
): Promise<Outcome> {
  const attemptNumber = delivery.attemptCount + 1;
  const result = sent?.result ?? null;
  const status = result?.response?.status ?? null;
  const now = new Date();
  const request = delivery.webhookRequest;

  let outcome: Outcome;
  let nextAttemptAt = delivery.nextAttemptAt;
  let pauseReason: string | null = null;
  if (result?.ok) {
    outcome = "succeeded";
  } else {
    const decision = sent
      ? decideRetry({
          attempt: attemptNumber,
          maxAttempts: delivery.maxAttempts,
          schedule: (request?.retrySchedule ?? "exponential") as RetrySchedule,
          status,
          retryAfterMs: result?.retryAfterMs ?? null,
        })
      : ({ retry: false, reason: "exhausted" } as const);
    if (decision.retry) {
      outcome = "retrying";
      nextAttemptAt = new Date(now.getTime() + decision.delayMs);
    } else {
      outcome = "failed";
      if (decision.reason === "gone") pauseReason = "Paused: the receiver answered 410 Gone";
    }
  }

  await db.$transaction(async (tx) => {
    const { count } = await tx.delivery.updateMany({
      where: { id: delivery.id, leaseOwner: workerId },
      data: {
        status: outcome === "retrying" ? "pending" : outcome,
        attemptCount: attemptNumber,
        nextAttemptAt,
        leaseOwner: null,
        leaseUntil: null,
        lastStatusCode: status,
        lastErrorKind: error?.kind ?? null,
        lastError: error?.message ?? null,
        completedAt: outcome === "retrying" ? null : now,
        ...(sent && !delivery.rendered
          ? {
              rendered: toSnapshot(sent.rendered),
              requestUrl: sent.rendered.url,
              requestMethod: sent.rendered.method,
            }
          : {}),
      },
    });
    // Lost the lease (this attempt outlived it and another worker took over): that worker owns
    // the delivery now; this attempt's exchange is not recorded twice.
    if (count === 0) return;
    if (result) {
      await tx.attempt.create({
        data: {
          deliveryId: delivery.id,
          number: attemptNumber,
          startedAt: result.startedAt,
          durationMs: result.durationMs,
          requestMethod: result.request.method,
          requestUrl: result.request.url,
          requestHeaders: result.request.headers,
          requestBody: result.request.body ? new Uint8Array(result.request.body) : null,
          responseStatus: result.response?.status ?? null,
          ...(result.response
            ? { responseHeaders: result.response.headers as Prisma.InputJsonObject }
            : {}),
          responseBody: result.response?.body ?? null,
          responseTruncated: result.response?.truncated ?? false,
          errorKind: result.error?.kind ?? null,
          error: result.error?.message ?? null,
        },
      });
    }
    if (!request) return;
    if (outcome === "succeeded" && request.consecutiveFailures > 0) {
      await tx.webhookRequest.update({
        where: { id: request.id },
        data: { consecutiveFailures: 0 },
      });
    } else if (outcome === "failed") {
      const failures = request.consecutiveFailures + 1;
      if (!pauseReason && failures >= PAUSE_AFTER_FAILURES) {
        pauseReason = `Paused after ${failures} failed deliveries in a row`;
      }
      await tx.webhookRequest.update({
        where: { id: request.id },
        data: {
          consecutiveFailures: failures,
          ...(pauseReason && !request.pausedAt ? { pausedAt: now, pausedReason: pauseReason } : {}),
        },
      });
    }
  });
  return outcome;
}
