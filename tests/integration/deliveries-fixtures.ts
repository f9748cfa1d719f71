// Deliveries written directly, in the states the worker leaves them, for the deliveries tests.
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";

export type Fixture = {
  projectId: string;
  userId: string;
  eventId: string;
  requestId: string;
  otherEventId: string;
  otherRequestId: string;
  callEventId: string;
};

/** A project with two events of one request each, and one call event to hang deliveries on. */
export async function createFixture(label: string): Promise<Fixture> {
  const { user, project } = await createUserWithProject(label);
  // The default event's deliveries would mix into counts.
  await db.webhookEvent.updateMany({ where: { projectId: project.id }, data: { enabled: false } });
  const crm = await createWebhookEvent(project.id, {
    name: "CRM",
    type: "incoming.after_call",
    requests: [{ url: "https://crm.example.com/hooks/calls", method: "POST", params: [] }],
  });
  const bot = await createWebhookEvent(project.id, {
    name: "Bot",
    type: "incoming.answered",
    requests: [{ url: "https://bot.example.com/notify", method: "GET", params: [] }],
  });
  const callEvent = await db.callEvent.create({
    data: {
      projectId: project.id,
      triggerType: "incoming.after_call",
      occurredAt: new Date("2026-11-27T08:18:08Z"),
      call: { uniqueid: "1795767304.10452", caller: "380671234567" },
    },
  });
  return {
    projectId: project.id,
    userId: user.id,
    eventId: crm.id,
    requestId: crm.requests[0]?.id ?? "",
    otherEventId: bot.id,
    otherRequestId: bot.requests[0]?.id ?? "",
    callEventId: callEvent.id,
  };
}

export type DeliveryOptions = {
  status?: "pending" | "sending" | "succeeded" | "failed";
  createdAt?: Date;
  event?: "crm" | "bot";
  statusCode?: number | null;
  errorKind?: string | null;
  error?: string | null;
  url?: string;
  callId?: string;
  caller?: string | null;
  checkedAt?: Date | null;
  /** Attempts made; each gets a row, the last one with `responseBody`. */
  attempts?: number;
  responseBody?: string | null;
  /** Stores a rendered snapshot, as after the first attempt. */
  rendered?: boolean;
};

const RENDERED = {
  method: "POST",
  url: "https://crm.example.com/hooks/calls",
  headers: [{ name: "Content-Type", value: "application/json; charset=utf-8" }],
  body: Buffer.from('{"call_id":"1795767304.10452"}').toString("base64"),
};

export async function createDelivery(fixture: Fixture, options: DeliveryOptions = {}) {
  const status = options.status ?? "failed";
  const attempts = options.attempts ?? (status === "pending" ? 0 : 1);
  const crm = (options.event ?? "crm") === "crm";
  const url = options.url ?? (crm ? RENDERED.url : "https://bot.example.com/notify");
  const createdAt = options.createdAt ?? new Date();
  const failedCode = options.errorKind && options.errorKind !== "http_status" ? null : 500;
  const statusCode =
    options.statusCode !== undefined ? options.statusCode : status === "failed" ? failedCode : 200;
  const attemptRows: Prisma.AttemptCreateWithoutDeliveryInput[] = Array.from(
    { length: attempts },
    (_, index) => ({
      number: index + 1,
      startedAt: new Date(createdAt.getTime() + index * 10_000),
      durationMs: 120,
      requestMethod: "POST",
      requestUrl: url,
      requestHeaders: RENDERED.headers,
      requestBody: new Uint8Array(Buffer.from('{"call_id":"1795767304.10452"}')),
      responseStatus: statusCode,
      responseHeaders: statusCode === null ? undefined : { "content-type": "text/plain" },
      responseBody: index === attempts - 1 ? (options.responseBody ?? null) : "earlier",
      errorKind: options.errorKind ?? (status === "failed" ? "http_status" : null),
      error: options.error ?? (status === "failed" ? "HTTP 500 Internal Server Error" : null),
    }),
  );
  return db.delivery.create({
    data: {
      projectId: fixture.projectId,
      callEventId: fixture.callEventId,
      webhookEventId: crm ? fixture.eventId : fixture.otherEventId,
      webhookRequestId: crm ? fixture.requestId : fixture.otherRequestId,
      eventName: crm ? "CRM" : "Bot",
      triggerType: crm ? "incoming.after_call" : "incoming.answered",
      callId: options.callId ?? "1795767304.10452",
      caller: options.caller === undefined ? "380671234567" : options.caller,
      requestMethod: crm ? "POST" : "GET",
      requestUrl: url,
      status,
      attemptCount: attempts,
      maxAttempts: Math.max(attempts, 1),
      nextAttemptAt: createdAt,
      rendered: options.rendered === false || attempts === 0 ? undefined : { ...RENDERED, url },
      lastStatusCode: attempts === 0 ? null : statusCode,
      lastErrorKind: options.errorKind ?? (status === "failed" ? "http_status" : null),
      lastError: options.error ?? (status === "failed" ? "HTTP 500 Internal Server Error" : null),
      checkedAt: options.checkedAt ?? null,
      createdAt,
      completedAt: status === "succeeded" || status === "failed" ? createdAt : null,
      attempts: { create: attemptRows },
    },
  });
}
