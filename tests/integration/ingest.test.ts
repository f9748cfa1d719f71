import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { POST as postCallEvent } from "@/app/api/v1/call-events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { callRoute } from "../helpers/api";
import { createUserWithProject } from "../helpers/factories";

async function projectWithKey(label: string) {
  const { project } = await createUserWithProject(label);
  const { key } = await createApiKey(project.id, { name: "Telephony" });
  return { projectId: project.id, key };
}

function afterCallBody(call: Record<string, unknown> = {}, id?: string) {
  const sample = sampleCallFor("incoming.after_call");
  return {
    ...(id ? { id } : {}),
    type: "incoming.after_call",
    occurredAt: sample.occurredAt,
    call: { ...sample.call, ...call },
  };
}

const hook = (url: string) => ({
  url,
  method: "POST" as const,
  params: [{ name: "id", type: "text" as const, value: "{{uniqueid}}" }],
});

describe("POST /api/v1/call-events", () => {
  it("stores the call event and one delivery per request of every enabled matching event", async () => {
    const { projectId, key } = await projectWithKey("ingest");
    const two = await createWebhookEvent(projectId, {
      name: "Two requests",
      type: "incoming.after_call",
      requests: [hook("https://a.example.com/1"), hook("https://b.example.com/2")],
    });
    const disabled = await createWebhookEvent(projectId, {
      name: "Disabled",
      type: "incoming.after_call",
      enabled: false,
      requests: [hook("https://c.example.com/3")],
    });
    await createWebhookEvent(projectId, {
      name: "Other moment",
      type: "incoming.answered",
      requests: [hook("https://d.example.com/4")],
    });

    const response = await callRoute(postCallEvent, { key, method: "POST", body: afterCallBody() });
    expect(response.status).toBe(202);
    const { callEventId, deliveries } = response.json;
    // The locked Google Analytics event fires too: it is enabled and listens to the same moment.
    expect(deliveries).toHaveLength(3);
    const rows = await db.delivery.findMany({
      where: { id: { in: deliveries } },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.every((r) => r.callEventId === callEventId && r.status === "pending")).toBe(true);
    const byEvent = new Map(rows.map((r) => [r.webhookRequestId, r.eventName]));
    expect([...byEvent.values()].sort()).toEqual([
      "Google Analytics",
      "Two requests",
      "Two requests",
    ]);
    expect(rows.some((r) => r.webhookEventId === disabled.id)).toBe(false);
    expect(rows.filter((r) => r.webhookEventId === two.id).map((r) => r.maxAttempts)).toEqual([
      4, 4,
    ]);
    const stored = await db.callEvent.findUniqueOrThrow({ where: { id: callEventId } });
    expect(stored.call).toMatchObject({ uniqueid: afterCallBody().call.uniqueid });
  });

  it("answers the same id again with the first answer and writes nothing", async () => {
    const { projectId, key } = await projectWithKey("idempotent");
    const first = await callRoute(postCallEvent, {
      key,
      method: "POST",
      body: afterCallBody({}, "evt-42"),
    });
    expect(first.status).toBe(202);
    const counts = async () => [
      await db.callEvent.count({ where: { projectId } }),
      await db.delivery.count({ where: { projectId } }),
    ];
    const before = await counts();
    const again = await callRoute(postCallEvent, {
      key,
      method: "POST",
      body: afterCallBody({}, "evt-42"),
    });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await counts()).toEqual(before);

    // Concurrent duplicates: exactly one is stored.
    const racing = await Promise.all(
      Array.from({ length: 5 }, () =>
        callRoute(postCallEvent, { key, method: "POST", body: afterCallBody({}, "evt-43") }),
      ),
    );
    expect(new Set(racing.map((r) => r.json.callEventId)).size).toBe(1);
    expect(await db.callEvent.count({ where: { projectId, externalId: "evt-43" } })).toBe(1);
  });

  it("answers the same id with another body 409 naming the id, and writes nothing", async () => {
    const { projectId, key } = await projectWithKey("idempotent-conflict");
    const body = afterCallBody({ duration: 42 }, "evt-77");
    const first = await callRoute(postCallEvent, { key, method: "POST", body });
    expect(first.status).toBe(202);
    const counts = async () => [
      await db.callEvent.count({ where: { projectId } }),
      await db.delivery.count({ where: { projectId } }),
    ];
    const before = await counts();

    // The same event with its keys in another order and other whitespace is the same event.
    const reordered = {
      call: Object.fromEntries(Object.entries(body.call).reverse()),
      occurredAt: body.occurredAt,
      type: body.type,
      id: body.id,
    };
    const same = await callRoute(postCallEvent, {
      key,
      method: "POST",
      rawBody: JSON.stringify(reordered, null, 3),
    });
    expect(same.status).toBe(200);
    expect(same.json).toEqual(first.json);

    const changed = await callRoute(postCallEvent, {
      key,
      method: "POST",
      body: afterCallBody({ duration: 43 }, "evt-77"),
    });
    expect(changed.status).toBe(409);
    expect(changed.json.error).toMatchObject({ code: "conflict", field: "id" });
    expect(changed.json.error.message).toContain("evt-77");
    expect(await counts()).toEqual(before);
  });

  it("filters by employee, department, call status and minimum duration", async () => {
    const { projectId, key } = await projectWithKey("conditions");
    await db.webhookEvent.updateMany({ where: { projectId }, data: { enabled: false } });
    const sales = await createWebhookEvent(projectId, {
      name: "Sales, answered, 60 s+",
      type: "incoming.after_call",
      conditions: { departments: ["Sales"], dispositions: ["ANSWERED"], minDurationSec: 60 },
      requests: [hook("https://crm.example.com/sales")],
    });
    const employee = await createWebhookEvent(projectId, {
      name: "Employee 104",
      type: "incoming.after_call",
      conditions: { employeeNumbers: ["104"] },
      requests: [hook("https://crm.example.com/104")],
    });
    const post = async (call: Record<string, unknown>) => {
      const { json } = await callRoute(postCallEvent, {
        key,
        method: "POST",
        body: afterCallBody(call),
      });
      const rows = await db.delivery.findMany({ where: { id: { in: json.deliveries } } });
      return rows.map((r) => r.webhookEventId).sort();
    };
    const both = [sales.id, employee.id].sort();
    expect(
      await post({
        department: "Sales",
        disposition: "ANSWERED",
        duration: 61,
        employee_number: "104",
      }),
    ).toEqual(both);
    expect(
      await post({
        department: "Sales",
        disposition: "ANSWERED",
        duration: 59,
        employee_number: "104",
      }),
    ).toEqual([employee.id]);
    expect(
      await post({
        department: "Support",
        disposition: "ANSWERED",
        duration: 600,
        employee_number: "7",
      }),
    ).toEqual([]);
    expect(
      await post({ department: "Sales", disposition: "BUSY", duration: 600, employee_number: "7" }),
    ).toEqual([]);
    expect(
      await post({
        department: null,
        disposition: "ANSWERED",
        duration: 600,
        employee_number: "104",
      }),
    ).toEqual([employee.id]);
  });

  it("rejects bad bodies naming the field, unknown keys with 401, big bodies with 413, storing nothing", async () => {
    const { projectId, key } = await projectWithKey("bad");
    const cases: Array<[unknown, number, string | undefined]> = [
      [{ ...afterCallBody(), type: "incoming.sometime" }, 422, "type"],
      [{ ...afterCallBody(), occurredAt: "yesterday" }, 422, "occurredAt"],
      [afterCallBody({ duration: "long" }), 422, "call.duration"],
      [afterCallBody({ uniqueid: undefined }), 422, "call.uniqueid"],
      [
        {
          type: "incoming.before_call",
          occurredAt: "2026-11-29T10:00:00+02:00",
          call: { uniqueid: "1", duration: 5 },
        },
        422,
        "call.duration",
      ],
    ];
    for (const [body, status, field] of cases) {
      const response = await callRoute(postCallEvent, { key, method: "POST", body });
      expect(response.status, JSON.stringify(response.json)).toBe(status);
      expect(response.json.error.field).toBe(field);
    }
    expect((await callRoute(postCallEvent, { key, method: "POST", rawBody: "{" })).status).toBe(
      400,
    );
    expect(
      (await callRoute(postCallEvent, { key: "whk_nope", method: "POST", body: afterCallBody() }))
        .status,
    ).toBe(401);
    const huge = afterCallBody({ referrer: `https://example.com/${"x".repeat(300 * 1024)}` });
    const tooBig = await callRoute(postCallEvent, { key, method: "POST", body: huge });
    expect(tooBig.status).toBe(413);
    expect(await db.callEvent.count({ where: { projectId } })).toBe(0);
    expect(await db.delivery.count({ where: { projectId } })).toBe(0);
  });
});
