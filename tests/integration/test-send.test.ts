import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { sendTestForEvent, sendTestRequest } from "@/lib/dispatch/test-send";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

let receiver: LoopbackServer;
beforeAll(async () => {
  receiver = await startLoopbackServer();
});
afterAll(async () => {
  await receiver.close();
});

describe("Send test", () => {
  it("sends the sample call now, shows the answer, and stores nothing", async () => {
    const { project } = await createUserWithProject("test-send");
    receiver.respondWith((_request, response) => {
      response.writeHead(201, { "X-Crm": "yes" }).end('{"created":true}');
    });
    const result = await sendTestRequest(project.id, {
      type: "incoming.answered",
      request: {
        url: `${receiver.origin}/crm/{{uniqueid}}`,
        method: "POST",
        params: [{ name: "employee", type: "text", value: "{{employee_fio}}" }],
      },
    });
    expect(result).toMatchObject({
      ok: true,
      error: null,
      response: { status: 201, body: '{"created":true}' },
    });
    expect(result.response?.headers["x-crm"]).toBe("yes");
    expect(JSON.parse(result.request.body)).toEqual({ employee: "Олена Коваленко" });
    const arrived = receiver.requests.at(-1);
    expect(arrived?.target).toMatch(/^\/crm\/\d+\.\d+$/);
    const deliveryHeader = arrived?.rawHeaders.find(
      ([n]) => n.toLowerCase() === "x-webhook-delivery",
    )?.[1];
    expect(deliveryHeader).toMatch(/^test_/);
    expect(await db.delivery.count()).toBe(0);
    expect(await db.callEvent.count()).toBe(0);
  });

  it("reports a failing receiver's status and body, and every request of a saved event", async () => {
    const { project } = await createUserWithProject("test-send-event");
    const event = await createWebhookEvent(project.id, {
      name: "Two",
      type: "incoming.after_call",
      requests: [
        {
          url: `${receiver.origin}/first`,
          method: "GET",
          params: [{ name: "d", type: "text", value: "{{duration}}" }],
        },
        { url: `${receiver.origin}/second`, method: "POST", signing: { enabled: true } },
      ],
    });
    receiver.respondWith((request, response) => {
      if (request.target.startsWith("/first")) response.writeHead(200).end("ok");
      else response.writeHead(500).end("database is down");
    });
    const results = await sendTestForEvent(project.id, event.id);
    expect(results.map((r) => r.position)).toEqual([0, 1]);
    expect(results[0]?.result).toMatchObject({
      ok: true,
      request: { url: `${receiver.origin}/first?d=184` },
    });
    expect(results[1]?.result).toMatchObject({
      ok: false,
      response: { status: 500, body: "database is down" },
      error: { kind: "http_status" },
    });
    const signed = receiver.requests.at(-1)?.rawHeaders.map(([n]) => n.toLowerCase());
    expect(signed).toEqual(
      expect.arrayContaining(["webhook-id", "webhook-timestamp", "webhook-signature"]),
    );
  });
});
