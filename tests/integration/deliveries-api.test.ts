import "../helpers/fresh-database";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import * as checkOneRoute from "@/app/api/v1/deliveries/[id]/check/route";
import * as resendOneRoute from "@/app/api/v1/deliveries/[id]/resend/route";
import * as deliveryRoute from "@/app/api/v1/deliveries/[id]/route";
import * as checkRoute from "@/app/api/v1/deliveries/check/route";
import * as exportRoute from "@/app/api/v1/deliveries/export.csv/route";
import * as hourlyRoute from "@/app/api/v1/deliveries/hourly/route";
import * as resendRoute from "@/app/api/v1/deliveries/resend/route";
import * as batchRoute from "@/app/api/v1/deliveries/resend-batches/[id]/route";
import * as deliveriesRoute from "@/app/api/v1/deliveries/route";
import * as uncheckRoute from "@/app/api/v1/deliveries/uncheck/route";
import * as countRoute from "@/app/api/v1/deliveries/unchecked-count/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { callRoute } from "../helpers/api";
import { createDelivery, createFixture, type Fixture } from "./deliveries-fixtures";

type Handler = (request: Request, segment: { params: Promise<unknown> }) => Promise<Response>;

/** A GET with a query string, which callRoute does not send. */
async function get(handler: Handler, key: string, query = "", params: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/v1/deliveries${query}`, {
    headers: { "Auth-key": key },
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json");
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: isJson ? JSON.parse(text) : undefined,
  };
}

let f: Fixture;
let other: Fixture;
let key: string;
let otherKey: string;
const ids: string[] = [];

beforeAll(async () => {
  f = await createFixture("api");
  other = await createFixture("api-other");
  key = (await createApiKey(f.projectId, { name: "API" })).key;
  otherKey = (await createApiKey(other.projectId, { name: "API" })).key;
  const base = Date.parse("2026-11-28T10:00:00Z");
  for (let i = 0; i < 5; i += 1) {
    const delivery = await createDelivery(f, {
      createdAt: new Date(base + i * 60_000),
      statusCode: i % 2 === 0 ? 503 : 404,
    });
    ids.unshift(delivery.id);
  }
});

describe("GET /api/v1/deliveries", () => {
  it("pages with the cursor and applies the filters", async () => {
    const first = await get(deliveriesRoute.GET, key, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ total: 5, items: [{ id: ids[0] }, { id: ids[1] }] });
    const second = await get(deliveriesRoute.GET, key, `?limit=2&cursor=${first.json.nextCursor}`);
    expect(second.json.items.map((item: { id: string }) => item.id)).toEqual(ids.slice(2, 4));
    const classes = await get(deliveriesRoute.GET, key, `?status=4xx&eventId=${f.eventId}`);
    expect(classes.json.total).toBe(2);
    const empty = await get(deliveriesRoute.GET, key, "?q=&status=");
    expect(empty.json.total).toBe(5);
  });

  it("answers 422 naming the parameter for a bad, unknown or repeated one", async () => {
    const cases: Array<[string, string]> = [
      ["?from=2026-02-30", "from"],
      ["?status=7xx", "status"],
      ["?limit=500", "limit"],
      ["?cursor=not-a-cursor", "cursor"],
      ["?includeChecked=maybe", "includeChecked"],
      ["?sort=asc", "sort"],
      ["?status=4xx&status=5xx", "status"],
      [`?eventId=${other.eventId}`, "eventId"],
    ];
    for (const [query, field] of cases) {
      const response = await get(deliveriesRoute.GET, key, query);
      expect({ query, status: response.status, field: response.json?.error?.field }).toEqual({
        query,
        status: 422,
        field,
      });
    }
  });

  it("answers 401 without a key", async () => {
    expect((await get(deliveriesRoute.GET, "")).status).toBe(401);
  });
});

describe("one delivery", () => {
  it("reads, resends and checks the project's own; another project's id is 404", async () => {
    const [id = ""] = ids;
    const detail = await callRoute(deliveryRoute.GET, { key, params: { id } });
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ id, attemptCount: 1, attempts: [{ number: 1 }] });
    for (const route of [deliveryRoute.GET, resendOneRoute.POST, checkOneRoute.POST]) {
      const response = await callRoute(route, { key: otherKey, method: "POST", params: { id } });
      expect(response.status).toBe(404);
      expect(response.json.error.code).toBe("not_found");
    }
    const checked = await callRoute(checkOneRoute.POST, { key, method: "POST", params: { id } });
    expect(checked).toMatchObject({ status: 200, json: { ids: [id] } });
    const undone = await callRoute(uncheckRoute.POST, { key, method: "POST", body: { ids: [id] } });
    expect(undone.json).toEqual({ ids: [id] });

    const resent = await callRoute(resendOneRoute.POST, { key, method: "POST", params: { id } });
    expect(resent.status).toBe(202);
    expect(resent.json).toMatchObject({ total: 1, pending: 1 });
    const batch = await callRoute(batchRoute.GET, { key, params: { id: resent.json.id } });
    expect(batch.json).toMatchObject({ id: resent.json.id, total: 1 });
    expect(
      (await callRoute(batchRoute.GET, { key: otherKey, params: { id: resent.json.id } })).status,
    ).toBe(404);
    const again = await callRoute(resendOneRoute.POST, { key, method: "POST", params: { id } });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/queued/);
    await db.delivery.update({ where: { id }, data: { status: "failed" } });
  });
});

describe("bulk actions", () => {
  it("check and resend take ids or a filter; a bad body is 422", async () => {
    const checked = await callRoute(checkRoute.POST, {
      key,
      method: "POST",
      body: { filter: { status: "4xx" } },
    });
    expect(checked.json.ids).toHaveLength(2);
    const count = await callRoute(countRoute.GET, { key });
    expect(count.json).toEqual({ count: 3 });
    await callRoute(uncheckRoute.POST, { key, method: "POST", body: { ids: checked.json.ids } });

    const resent = await callRoute(resendRoute.POST, {
      key,
      method: "POST",
      body: { ids: [ids[1], ids[2]] },
    });
    expect(resent).toMatchObject({ status: 202, json: { total: 2, skipped: [] } });
    const bad = [
      [{}, "ids"],
      [{ ids: [] }, "ids"],
      [{ filter: { status: "nope" } }, "filter.status"],
      [{ filter: { eventId: other.eventId } }, "filter.eventId"],
      [{ ids: ["a"], extra: 1 }, "body"],
    ] as const;
    for (const [body, field] of bad) {
      const response = await callRoute(resendRoute.POST, { key, method: "POST", body });
      expect({ body, status: response.status, field: response.json.error.field ?? "" }).toEqual({
        body,
        status: 422,
        field,
      });
    }
  });
});

describe("export and chart", () => {
  it("streams the filtered CSV as a download", async () => {
    const response = await get(exportRoute.GET, key, "?status=4xx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="deliveries-\d{4}-\d{2}-\d{2}-\d{4}\.csv"$/,
    );
    const lines = response.text.trim().split("\r\n");
    // Of the two 404s, one was sent again above and is no longer failed.
    expect(lines).toHaveLength(2);
    expect(lines.slice(1).every((line) => line.includes(",404,http_status,"))).toBe(true);
    expect((await get(exportRoute.GET, key, "?limit=5")).status).toBe(422);
  });

  it("counts per hour", async () => {
    const response = await get(
      hourlyRoute.GET,
      key,
      "?from=2026-11-28T10:00:00Z&to=2026-11-28T11:00:00Z",
    );
    expect(response.json).toEqual({
      buckets: [{ hour: "2026-11-28T10:00:00.000Z", succeeded: 0, failed: 3 }],
    });
    expect((await get(hourlyRoute.GET, key, "?from=soon")).json.error.field).toBe("from");
  });
});

describe("OpenAPI", () => {
  it("documents the deliveries routes and accepts the bulk bodies the API accepts", async () => {
    const document = await getOpenApi().json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/deliveries",
        "/api/v1/deliveries/{id}",
        "/api/v1/deliveries/{id}/resend",
        "/api/v1/deliveries/{id}/check",
        "/api/v1/deliveries/resend",
        "/api/v1/deliveries/check",
        "/api/v1/deliveries/uncheck",
        "/api/v1/deliveries/resend-batches/{id}",
        "/api/v1/deliveries/export.csv",
        "/api/v1/deliveries/hourly",
        "/api/v1/deliveries/unchecked-count",
      ]),
    );
    const listed = document.paths["/api/v1/deliveries"].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(listed).toEqual([
      "from",
      "to",
      "eventId",
      "requestId",
      "status",
      "q",
      "includeChecked",
      "result",
      "cursor",
      "limit",
    ]);
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema({ ...document, $id: "https://webhooks.local/openapi.json" });
    const validate = ajv.getSchema(
      "https://webhooks.local/openapi.json#/components/schemas/BulkTarget",
    );
    if (!validate) throw new Error("BulkTarget is missing");
    expect(validate({ ids: ["cm1"] })).toBe(true);
    expect(validate({ filter: { status: "5xx", includeChecked: true, from: "2026-11-28" } })).toBe(
      true,
    );
    expect(validate({ ids: [] })).toBe(false);
    expect(validate({ filter: { status: "7xx" } })).toBe(false);
    expect(validate({ filter: {}, ids: ["cm1"] })).toBe(false);
  });
});
