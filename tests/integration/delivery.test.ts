import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getDeliveryDetail } from "@/lib/delivery-log/detail";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import type { WebhookRequestInput } from "@/lib/model/event-schema";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { openSecret } from "@/lib/secrets/cipher";
import { previewWebhookRequest } from "@/lib/webhooks/preview";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { makeRetriesDue, runDueDeliveries } from "../helpers/deliveries";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

const TYPE = "incoming.after_call" as const;
let receiver: LoopbackServer;
let projectId: string;

beforeAll(async () => {
  receiver = await startLoopbackServer();
  const { project } = await createUserWithProject("delivery");
  projectId = project.id;
  // The default Google Analytics event would add deliveries to every call; these tests count their own.
  await db.webhookEvent.updateMany({ where: { projectId }, data: { enabled: false } });
});

afterAll(async () => {
  await receiver.close();
});

let eventCounter = 0;
/** One event with the given requests, one call event for it; returns its delivery ids. */
async function deliver(requests: WebhookRequestInput[]) {
  eventCounter += 1;
  await db.webhookEvent.updateMany({ where: { projectId }, data: { enabled: false } });
  await createWebhookEvent(projectId, { name: `Event ${eventCounter}`, type: TYPE, requests });
  const sample = sampleCallFor(TYPE);
  const { deliveries } = await ingestCallEvent(projectId, {
    type: TYPE,
    occurredAt: sample.occurredAt,
    call: sample.call,
  });
  return deliveries;
}

const seenHeader = (request: { rawHeaders: Array<[string, string]> }, name: string) =>
  request.rawHeaders.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);

const PARAMS: WebhookRequestInput["params"] = [
  { name: "call_id", type: "text", value: "{{uniqueid}}" },
  { name: "utm", type: "array", items: ["{{utm_source}}", "{{utm_medium}}"] },
  {
    name: "client",
    type: "object",
    fields: [{ name: "phone", type: "text", value: "{{caller}}" }],
  },
  { name: "{{Имя сотрудника}}", type: "text", value: "{{employee_fio}}" },
  { name: "duration", type: "text", value: "{{duration}}" },
  { name: "sign", type: "sha256", value: "{{uniqueid}}:secret" },
];

describe("delivery to a loopback receiver", () => {
  const cases: Array<[string, WebhookRequestInput]> = [
    ["GET", { url: `/hooks/get?src=ringo`, method: "GET", params: PARAMS }],
    ["POST json", { url: "/hooks/{{uniqueid}}", method: "POST", format: "json", params: PARAMS }],
    [
      "PUT json-rpc",
      {
        url: "/rpc",
        method: "PUT",
        format: "json-rpc",
        rpcMethod: "call.finished",
        params: PARAMS,
      },
    ],
    ["POST form", { url: "/form", method: "POST", format: "form", params: PARAMS }],
    [
      "PUT raw without Content-Type",
      {
        url: "/raw",
        method: "PUT",
        format: "raw",
        headers: [],
        body: "call {{uniqueid}} by {{employee_fio}}",
      },
    ],
  ];

  it.each(cases)("%s arrives byte for byte as render-preview says", async (_label, template) => {
    const request = { ...template, url: `${receiver.origin}${template.url}` };
    const [deliveryId] = await deliver([request]);
    const preview = await previewWebhookRequest(projectId, { type: TYPE, request });
    const before = receiver.requests.length;
    await runDueDeliveries();
    const seen = receiver.requests.slice(before);
    expect(seen).toHaveLength(1);
    const [arrived] = seen;
    if (!arrived) throw new Error("nothing arrived");

    const url = new URL(preview.url);
    expect(arrived.method).toBe(preview.method);
    expect(arrived.target).toBe(`${url.pathname}${url.search}`);
    // The preview stands in "preview" for the delivery id that json-rpc sends as its id.
    const expectedBody = preview.body.replace(
      '"id":"preview"',
      `"id":${JSON.stringify(deliveryId)}`,
    );
    expect(arrived.body.toString("utf8")).toBe(expectedBody);
    for (const header of preview.headers)
      expect(seenHeader(arrived, header.name)).toEqual([header.value]);
    if (!preview.headers.some((h) => h.name.toLowerCase() === "content-type")) {
      expect(seenHeader(arrived, "content-type")).toEqual([]);
    }
    expect(seenHeader(arrived, "x-webhook-delivery")).toEqual([deliveryId]);

    const delivery = await db.delivery.findUniqueOrThrow({
      where: { id: deliveryId },
      include: { attempts: true },
    });
    expect(delivery).toMatchObject({ status: "succeeded", attemptCount: 1, lastStatusCode: 200 });
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]).toMatchObject({
      number: 1,
      responseStatus: 200,
      responseBody: "ok",
      error: null,
    });
  });

  it("retries 500, 500, then delivers on 200, on the exponential schedule", async () => {
    const statuses = [500, 500, 200];
    receiver.respondWith((_request, response) => {
      const status = statuses.shift() ?? 200;
      response
        .writeHead(status, { "Content-Type": "text/plain" })
        .end(status === 200 ? "ok" : "boom");
    });
    const [id] = await deliver([
      { url: `${receiver.origin}/flaky`, method: "POST", params: PARAMS },
    ]);
    if (!id) throw new Error("no delivery");

    const started = Date.now();
    await runDueDeliveries();
    let row = await db.delivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: "pending",
      attemptCount: 1,
      lastStatusCode: 500,
      lastErrorKind: "http_status",
    });
    const firstDelay = row.nextAttemptAt.getTime() - started;
    expect(firstDelay).toBeGreaterThanOrEqual(8_000 - 50);
    expect(firstDelay).toBeLessThanOrEqual(12_000 + 1_000);

    await makeRetriesDue([id]);
    await runDueDeliveries();
    row = await db.delivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", attemptCount: 2 });
    expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(45_000);

    await makeRetriesDue([id]);
    await runDueDeliveries();
    const done = await db.delivery.findUniqueOrThrow({
      where: { id },
      include: { attempts: { orderBy: { number: "asc" } } },
    });
    expect(done).toMatchObject({
      status: "succeeded",
      attemptCount: 3,
      lastStatusCode: 200,
      lastError: null,
    });
    expect(done.attempts.map((a) => a.responseStatus)).toEqual([500, 500, 200]);
    expect(done.attempts[0]?.responseBody).toBe("boom");

    // The log shows each attempt's body as the receiver got it; the bytes are kept once, on
    // the delivery, not again with every attempt.
    const sentBodies = receiver.requests
      .filter((request) => request.target === "/flaky")
      .map((request) => request.body.toString("utf8"));
    expect(sentBodies).toHaveLength(3);
    const detail = await getDeliveryDetail(projectId, id);
    expect(detail.attempts.map((attempt) => attempt.request.body)).toEqual(sentBodies);
    expect(done.attempts.map((attempt) => attempt.requestBody)).toEqual([null, null, null]);
    receiver.respondWith((_request, response) => {
      response.writeHead(200).end("ok");
    });
  });

  it("honours Retry-After on 503", async () => {
    receiver.respondWith((_request, response) =>
      response.writeHead(503, { "Retry-After": "120" }).end(),
    );
    const [id] = await deliver([{ url: `${receiver.origin}/busy`, method: "POST" }]);
    const before = Date.now();
    await runDueDeliveries();
    const row = await db.delivery.findUniqueOrThrow({ where: { id: id ?? "" } });
    expect(row.status).toBe("pending");
    expect(row.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(119_000);
    expect(row.nextAttemptAt.getTime() - before).toBeLessThanOrEqual(125_000);
    receiver.respondWith((_request, response) => {
      response.writeHead(200).end("ok");
    });
  });

  it("marks a delivery failed when every attempt fails; one attempt means no resend", async () => {
    receiver.respondWith((_request, response) => {
      response.writeHead(500).end("still broken");
    });
    const [twice] = await deliver([
      { url: `${receiver.origin}/down`, method: "POST", retry: { attempts: 2 } },
    ]);
    const [once] = await deliver([
      { url: `${receiver.origin}/down`, method: "POST", retry: { attempts: 1 } },
    ]);
    await runDueDeliveries();
    await makeRetriesDue([twice ?? ""]);
    await runDueDeliveries();
    const rows = await db.delivery.findMany({
      where: { id: { in: [twice ?? "", once ?? ""] } },
      include: { attempts: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(twice ?? "")).toMatchObject({
      status: "failed",
      attemptCount: 2,
      lastStatusCode: 500,
    });
    expect(byId.get(once ?? "")).toMatchObject({ status: "failed", attemptCount: 1 });
    expect(byId.get(once ?? "")?.lastError).toMatch(/500/);
    expect(byId.get(once ?? "")?.completedAt).not.toBeNull();
    receiver.respondWith((_request, response) => {
      response.writeHead(200).end("ok");
    });
  });

  it("does not follow a redirect and names the Location", async () => {
    receiver.respondWith((_request, response) =>
      response.writeHead(302, { Location: "https://elsewhere.example/x" }).end(),
    );
    const [id] = await deliver([
      { url: `${receiver.origin}/moved`, method: "POST", retry: { attempts: 1 } },
    ]);
    const before = receiver.requests.length;
    await runDueDeliveries();
    expect(receiver.requests.length - before).toBe(1);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: id ?? "" } });
    expect(row).toMatchObject({ status: "failed", lastStatusCode: 302, lastErrorKind: "redirect" });
    expect(row.lastError).toContain("https://elsewhere.example/x");
    receiver.respondWith((_request, response) => {
      response.writeHead(200).end("ok");
    });
  });

  it("fails an attempt that times out", async () => {
    receiver.respondWith(() => {
      // Never answers.
    });
    const [id] = await deliver([
      { url: `${receiver.origin}/slow`, method: "POST", timeoutMs: 1000, retry: { attempts: 1 } },
    ]);
    await runDueDeliveries();
    const row = await db.delivery.findUniqueOrThrow({
      where: { id: id ?? "" },
      include: { attempts: true },
    });
    expect(row).toMatchObject({ status: "failed", lastErrorKind: "timeout", lastStatusCode: null });
    expect(row.attempts[0]?.durationMs).toBeGreaterThanOrEqual(900);
    receiver.respondWith((_request, response) => {
      response.writeHead(200).end("ok");
    });
  });

  it("pauses a request that answers 410 Gone; new calls create no deliveries for it", async () => {
    receiver.respondWith((_request, response) => {
      response.writeHead(410).end();
    });
    const [id] = await deliver([{ url: `${receiver.origin}/gone`, method: "POST" }]);
    await runDueDeliveries();
    const row = await db.delivery.findUniqueOrThrow({
      where: { id: id ?? "" },
      include: { webhookRequest: true },
    });
    expect(row).toMatchObject({ status: "failed", attemptCount: 1, lastStatusCode: 410 });
    expect(row.webhookRequest?.pausedReason).toContain("410");
    const sample = sampleCallFor(TYPE);
    const again = await ingestCallEvent(projectId, {
      type: TYPE,
      occurredAt: sample.occurredAt,
      call: sample.call,
    });
    expect(again.deliveries).toEqual([]);

    // Enabling the event again resumes the request.
    const { patchWebhookEvent } = await import("@/lib/webhooks/service");
    await patchWebhookEvent(projectId, row.webhookEventId ?? "", { enabled: true });
    const resumed = await db.webhookRequest.findUniqueOrThrow({
      where: { id: row.webhookRequestId ?? "" },
    });
    expect(resumed).toMatchObject({ pausedAt: null, pausedReason: null, consecutiveFailures: 0 });
    const third = await ingestCallEvent(projectId, {
      type: TYPE,
      occurredAt: sample.occurredAt,
      call: sample.call,
    });
    expect(third.deliveries).toHaveLength(1);
    receiver.respondWith((_request, response) => {
      response.writeHead(200).end("ok");
    });
    await runDueDeliveries();
    const delivered = await db.delivery.findUniqueOrThrow({
      where: { id: third.deliveries[0] ?? "" },
    });
    expect(delivered.status).toBe("succeeded");
    receiver.respondWith((_request, response) => {
      response.writeHead(200).end("ok");
    });
  });

  it("signs with Standard Webhooks headers when signing is on", async () => {
    const { Webhook } = await import("standardwebhooks");
    const [id] = await deliver([
      {
        url: `${receiver.origin}/signed`,
        method: "POST",
        params: PARAMS,
        signing: { enabled: true },
      },
    ]);
    const before = receiver.requests.length;
    await runDueDeliveries();
    const arrived = receiver.requests[before];
    if (!arrived) throw new Error("nothing arrived");
    const stored = await db.delivery.findUniqueOrThrow({
      where: { id: id ?? "" },
      include: { webhookRequest: true },
    });
    const headers = Object.fromEntries(arrived.rawHeaders.map(([n, v]) => [n.toLowerCase(), v]));
    expect(headers["webhook-id"]).toBe(id);
    const verifier = new Webhook(openSecret(stored.webhookRequest?.signingSecret ?? ""));
    expect(() => verifier.verify(arrived.body.toString("utf8"), headers)).not.toThrow();
    expect(() => verifier.verify(`${arrived.body.toString("utf8")} `, headers)).toThrow();
  });
});
