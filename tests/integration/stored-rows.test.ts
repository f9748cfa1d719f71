import "../helpers/fresh-database";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as eventRoute from "@/app/api/v1/webhook-events/[id]/route";
import { requireProjectRole } from "@/lib/auth/access";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { getDeliveryDetail } from "@/lib/delivery-log/detail";
import { getWebhookEvent, listWebhookEvents } from "@/lib/webhooks/service";
import { callRoute } from "../helpers/api";
import { captureLog } from "../helpers/capture-log";
import { createUserWithProject } from "../helpers/factories";

// Rows changed behind the app's back (a manual UPDATE, a bad restore) are reported where they
// are read, naming the row and the column, and never reach the API as a half-typed value.

afterEach(() => {
  vi.restoreAllMocks();
});

async function eventWithRequest(label: string) {
  const { user, project } = await createUserWithProject(label);
  const event = await db.webhookEvent.create({
    data: {
      projectId: project.id,
      name: "CRM",
      triggerType: "incoming.after_call",
      requests: {
        create: {
          position: 0,
          url: "https://crm.example.com/hooks",
          method: "POST",
          format: "json",
          headers: [],
          params: [{ name: "call_id", type: "text", value: "{{uniqueid}}" }],
        },
      },
    },
    include: { requests: true },
  });
  const request = event.requests[0];
  if (!request) throw new Error("the request was not created");
  return { user, project, event, request };
}

describe("a corrupt stored row", () => {
  it("with a method the model does not have is an error naming the column", async () => {
    const { project, event, request } = await eventWithRequest("corrupt-method");
    await db.$executeRaw`UPDATE "WebhookRequest" SET "method" = 'DELETE' WHERE "id" = ${request.id}`;
    await expect(getWebhookEvent(project.id, event.id)).rejects.toThrow(
      `WebhookRequest ${request.id}: the stored method is corrupt`,
    );
    await expect(listWebhookEvents(project.id)).rejects.toThrow(/the stored method is corrupt/);
  });

  it("with params that are not a list is an error naming the column", async () => {
    const { project, event, request } = await eventWithRequest("corrupt-params");
    await db.webhookRequest.update({
      where: { id: request.id },
      data: { params: { call_id: "{{uniqueid}}" } },
    });
    await expect(getWebhookEvent(project.id, event.id)).rejects.toThrow(
      `WebhookRequest ${request.id}: the stored params is corrupt: Invalid input: expected array`,
    );
  });

  it("answers the API with a 500 that shows no internals, and logs which column", async () => {
    const { project, event, request } = await eventWithRequest("corrupt-api");
    const { key } = await createApiKey(project.id, { name: "API" });
    await db.$executeRaw`UPDATE "WebhookRequest" SET "format" = 'xml' WHERE "id" = ${request.id}`;
    const log = captureLog();
    const response = await callRoute(eventRoute.GET, { key, params: { id: event.id } });
    log.release();
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.json)).not.toContain("xml");
    expect(JSON.stringify(log.entries())).toContain(
      `WebhookRequest ${request.id}: the stored format is corrupt`,
    );
  });

  it("with a rendered request that is not one names the delivery", async () => {
    const { project, event, request } = await eventWithRequest("corrupt-rendered");
    const callEvent = await db.callEvent.create({
      data: {
        projectId: project.id,
        triggerType: "incoming.after_call",
        occurredAt: new Date(),
        call: { uniqueid: "1732871234.10452" },
      },
    });
    const delivery = await db.delivery.create({
      data: {
        projectId: project.id,
        callEventId: callEvent.id,
        webhookEventId: event.id,
        webhookRequestId: request.id,
        eventName: event.name,
        triggerType: event.triggerType,
        status: "failed",
        rendered: { method: "POST", url: "https://crm.example.com/hooks", headers: [], body: 42 },
      },
    });
    await expect(getDeliveryDetail(project.id, delivery.id)).rejects.toThrow(
      `Delivery ${delivery.id}: the stored rendered.body is corrupt`,
    );
  });

  it("with a role no one can have is an error, not a quiet refusal", async () => {
    const { user, project } = await createUserWithProject("corrupt-role");
    await db.membership.update({
      where: { userId_projectId: { userId: user.id, projectId: project.id } },
      data: { role: "superuser" },
    });
    await expect(requireProjectRole(user.id, project.id)).rejects.toThrow(
      /Membership .*: the stored role is corrupt: .*found "superuser"/,
    );
  });
});
