import "../helpers/fresh-database";
import { beforeAll, describe, expect, it } from "vitest";
import * as callEventDeliveriesRoute from "@/app/api/v1/call-events/deliveries/route";
import * as deliveryRoute from "@/app/api/v1/deliveries/[id]/route";
import * as checkRoute from "@/app/api/v1/deliveries/check/route";
import * as exportRoute from "@/app/api/v1/deliveries/export.csv/route";
import * as hourlyRoute from "@/app/api/v1/deliveries/hourly/route";
import * as batchRoute from "@/app/api/v1/deliveries/resend-batches/[id]/route";
import * as deliveriesRoute from "@/app/api/v1/deliveries/route";
import * as countRoute from "@/app/api/v1/deliveries/unchecked-count/route";
import * as eventsRoute from "@/app/api/v1/webhook-events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { resendDeliveries } from "@/lib/delivery-log/actions";
import {
  deliveryDetailSchema,
  deliveryPageSchema,
  hourlyCountsSchema,
  resendBatchSchema,
} from "@/lib/delivery-log/response-schemas";
import { callEventDeliveriesSchema } from "@/lib/simulator/response-schemas";
import { webhookEventSummariesSchema } from "@/lib/webhooks/response-schemas";
import { createUserWithProject } from "../helpers/factories";
import { createDelivery, createFixture, type Fixture } from "./deliveries-fixtures";

type Handler = (request: Request, segment: { params: Promise<unknown> }) => Promise<Response>;

/** Calls a route the way the browser's fetch reaches it: the session cookie, no `Auth-key`. */
async function call(
  handler: Handler,
  query: string,
  options: {
    cookie?: string;
    key?: string;
    method?: string;
    params?: Record<string, string>;
    body?: unknown;
  } = {},
) {
  const headers = new Headers();
  if (options.cookie !== undefined) headers.set("Cookie", options.cookie);
  if (options.key !== undefined) headers.set("Auth-key", options.key);
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request(`http://localhost/api/v1/test${query}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json");
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: isJson && text ? JSON.parse(text) : undefined,
  };
}

let f: Fixture;
let other: Fixture;
let viewerCookie: string;
let ownerCookie: string;
let key: string;
let deliveryId: string;
let otherDeliveryId: string;

async function cookieFor(userId: string) {
  const { token } = await createSession(userId);
  // Other cookies around it, as a browser sends them.
  return `theme=dark; ${SESSION_COOKIE}=${token}; _ga=GA1.1.1`;
}

beforeAll(async () => {
  f = await createFixture("reads");
  other = await createFixture("reads-other");
  const { user: viewer } = await createUserWithProject("viewer");
  await db.membership.create({
    data: { userId: viewer.id, projectId: f.projectId, role: "viewer" },
  });
  viewerCookie = await cookieFor(viewer.id);
  ownerCookie = await cookieFor(f.userId);
  key = (await createApiKey(f.projectId, { name: "API" })).key;
  deliveryId = (await createDelivery(f, { statusCode: 503 })).id;
  await createDelivery(f, { statusCode: 404 });
  otherDeliveryId = (await createDelivery(other, { statusCode: 500 })).id;
});

describe("reads with the session cookie", () => {
  it("lets a viewer read the list, a delivery, the chart, the count and a resend batch", async () => {
    const list = await call(deliveriesRoute.GET, `?projectId=${f.projectId}&status=5xx`, {
      cookie: viewerCookie,
    });
    expect(list.status).toBe(200);
    const page = deliveryPageSchema.parse(list.json);
    expect(page.items.map((item) => item.id)).toEqual([deliveryId]);
    expect(list.headers.get("cache-control")).toBe("private, no-store");

    const detail = await call(deliveryRoute.GET, `?projectId=${f.projectId}`, {
      cookie: viewerCookie,
      params: { id: deliveryId },
    });
    expect(detail.status).toBe(200);
    expect(deliveryDetailSchema.parse(detail.json)).toMatchObject({
      id: deliveryId,
      httpStatus: 503,
    });

    const hourly = await call(hourlyRoute.GET, `?projectId=${f.projectId}`, {
      cookie: viewerCookie,
    });
    const buckets = hourlyCountsSchema.parse(hourly.json).buckets;
    expect(buckets.reduce((sum, bucket) => sum + bucket.failed, 0)).toBe(2);

    const count = await call(countRoute.GET, `?projectId=${f.projectId}`, {
      cookie: viewerCookie,
    });
    expect(count.json).toEqual({ count: 2 });

    const batch = await resendDeliveries(f.projectId, { ids: [deliveryId] }, f.userId);
    const progress = await call(batchRoute.GET, `?projectId=${f.projectId}`, {
      cookie: viewerCookie,
      params: { id: batch.id },
    });
    expect(resendBatchSchema.parse(progress.json)).toMatchObject({ id: batch.id, total: 1 });
    await db.delivery.update({ where: { id: deliveryId }, data: { status: "failed" } });
  });

  it("lets a member read the simulator's call progress, and only their project's", async () => {
    const mine = await call(
      callEventDeliveriesRoute.GET,
      `?projectId=${f.projectId}&callEventId=${f.callEventId}&callEventId=${other.callEventId}`,
      { cookie: ownerCookie },
    );
    expect(mine.status).toBe(200);
    const { callEvents } = callEventDeliveriesSchema.parse(mine.json);
    expect(callEvents.map((event) => event.callEventId)).toEqual([f.callEventId]);
    expect(callEvents[0]?.deliveries.map((d) => d.host)).toContain("crm.example.com");

    const tooMany = Array.from({ length: 11 }, (_, i) => `callEventId=e${i}`).join("&");
    const refused = await call(
      callEventDeliveriesRoute.GET,
      `?projectId=${f.projectId}&${tooMany}`,
      {
        cookie: ownerCookie,
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.json.error.field).toBe("callEventId");
    const unknown = await call(
      callEventDeliveriesRoute.GET,
      `?projectId=${f.projectId}&callEventId=${f.callEventId}&ids=x`,
      { cookie: ownerCookie },
    );
    expect(unknown.json.error).toMatchObject({ code: "validation_failed", field: "ids" });
  });

  it("lets a viewer read the events with their delivery summary", async () => {
    const response = await call(eventsRoute.GET, `?projectId=${f.projectId}&include=summary`, {
      cookie: viewerCookie,
    });
    expect(response.status).toBe(200);
    const { webhookEvents } = webhookEventSummariesSchema.parse(response.json);
    const crm = webhookEvents.find((event) => event.id === f.eventId);
    expect(crm).toMatchObject({ name: "CRM", lastDelivery: { status: "failed" } });
    expect(crm?.errorsLast24h).toBeGreaterThan(0);
    const wrong = await call(eventsRoute.GET, `?projectId=${f.projectId}&include=all`, {
      cookie: viewerCookie,
    });
    expect(wrong.json.error).toMatchObject({ code: "validation_failed", field: "include" });
  });

  it("keeps the API's strict query parsing after taking projectId out", async () => {
    const bad = await call(deliveriesRoute.GET, `?projectId=${f.projectId}&sort=asc`, {
      cookie: viewerCookie,
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.field).toBe("sort");
  });

  it("answers 404 for a project the user is not a member of, or a delivery of another project", async () => {
    for (const projectId of [other.projectId, "no-such-project"]) {
      const foreign = await call(deliveriesRoute.GET, `?projectId=${projectId}`, {
        cookie: viewerCookie,
      });
      expect(foreign.status).toBe(404);
      expect(foreign.json.error.code).toBe("not_found");
      expect(foreign.text).not.toContain(otherDeliveryId);
    }
    const elsewhere = await call(deliveryRoute.GET, `?projectId=${f.projectId}`, {
      cookie: viewerCookie,
      params: { id: otherDeliveryId },
    });
    expect(elsewhere.status).toBe(404);
  });

  it("answers 422 naming projectId when the project is not named once", async () => {
    for (const query of ["", `?projectId=${f.projectId}&projectId=${other.projectId}`]) {
      const response = await call(countRoute.GET, query, { cookie: viewerCookie });
      expect(response.status).toBe(422);
      expect(response.json.error.field).toBe("projectId");
    }
  });

  it("answers 401 without a cookie, and for a session that is unknown or over", async () => {
    const none = await call(deliveriesRoute.GET, `?projectId=${f.projectId}`);
    expect(none.status).toBe(401);
    expect(none.json.error.message).toMatch(/Auth-key/);
    const forged = await call(deliveriesRoute.GET, `?projectId=${f.projectId}`, {
      cookie: `${SESSION_COOKIE}=not-a-session`,
    });
    expect(forged.status).toBe(401);
    const { user } = await createUserWithProject("expired");
    await db.membership.create({
      data: { userId: user.id, projectId: f.projectId, role: "admin" },
    });
    const expired = await cookieFor(user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(0) } });
    const over = await call(deliveriesRoute.GET, `?projectId=${f.projectId}`, { cookie: expired });
    expect(over.status).toBe(401);
  });

  it("refuses the cookie on a write, even the owner's, and changes nothing", async () => {
    const check = await call(checkRoute.POST, `?projectId=${f.projectId}`, {
      cookie: ownerCookie,
      method: "POST",
      body: { ids: [deliveryId] },
    });
    expect(check.status).toBe(401);
    const row = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(row.checkedAt).toBeNull();

    const create = await call(eventsRoute.POST, `?projectId=${f.projectId}`, {
      cookie: ownerCookie,
      method: "POST",
      body: { name: "Sneaky", type: "incoming.answered", requests: [] },
    });
    expect(create.status).toBe(401);
    expect(await db.webhookEvent.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  it("streams the CSV export to a viewer", async () => {
    const csv = await call(exportRoute.GET, `?projectId=${f.projectId}`, { cookie: viewerCookie });
    expect(csv.status).toBe(200);
    expect(csv.text.split("\n").filter((line) => line.includes("crm.example.com"))).toHaveLength(2);
  });
});

describe("reads with the API key", () => {
  it("answer as before: the key's project, and projectId is no parameter of the API", async () => {
    const list = await call(deliveriesRoute.GET, "?status=5xx", { key });
    expect(list.status).toBe(200);
    expect(list.headers.get("cache-control")).toBeNull();
    expect(deliveryPageSchema.parse(list.json).items.map((item) => item.id)).toEqual([deliveryId]);
    const events = await call(eventsRoute.GET, "", { key });
    expect(events.json.webhookEvents.map((e: { name: string }) => e.name)).toContain("CRM");
    expect(events.json.webhookEvents[0]).not.toHaveProperty("lastDelivery");
    const named = await call(deliveriesRoute.GET, `?projectId=${f.projectId}`, { key });
    expect(named.status).toBe(422);
    expect(named.json.error.field).toBe("projectId");
  });

  it("wins over a cookie: the key names the project, a bad key is a 401", async () => {
    const otherOwner = await cookieFor(other.userId);
    const count = await call(countRoute.GET, "", { key, cookie: otherOwner });
    expect(count.json).toEqual({ count: 2 });
    const bad = await call(countRoute.GET, `?projectId=${other.projectId}`, {
      key: "wrong",
      cookie: otherOwner,
    });
    expect(bad.status).toBe(401);
  });

  it("reads the simulator's call progress too", async () => {
    const response = await call(callEventDeliveriesRoute.GET, `?callEventId=${f.callEventId}`, {
      key,
    });
    expect(callEventDeliveriesSchema.parse(response.json).callEvents).toHaveLength(1);
  });
});
