// Generated bad requests for the delivery routes of /api/v1 and the operator endpoints: each is
// refused with a 4xx whose error names what is wrong (or, for routes that take no input, is
// answered exactly like a clean request), and leaves every table as it was.
import "../helpers/fresh-database";
import "../helpers/unlimited-api-budgets";
import "../helpers/metrics-token";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as healthRoute from "@/app/api/health/route";
import * as metricsRoute from "@/app/api/metrics/route";
import * as readyRoute from "@/app/api/ready/route";
import * as callDeliveriesRoute from "@/app/api/v1/call-events/deliveries/route";
import * as deliveryCheckRoute from "@/app/api/v1/deliveries/[id]/check/route";
import * as deliveryResendRoute from "@/app/api/v1/deliveries/[id]/resend/route";
import * as deliveryRoute from "@/app/api/v1/deliveries/[id]/route";
import * as checkRoute from "@/app/api/v1/deliveries/check/route";
import * as exportRoute from "@/app/api/v1/deliveries/export.csv/route";
import * as hourlyRoute from "@/app/api/v1/deliveries/hourly/route";
import * as resendRoute from "@/app/api/v1/deliveries/resend/route";
import * as batchRoute from "@/app/api/v1/deliveries/resend-batches/[id]/route";
import * as deliveriesRoute from "@/app/api/v1/deliveries/route";
import * as uncheckRoute from "@/app/api/v1/deliveries/uncheck/route";
import * as countRoute from "@/app/api/v1/deliveries/unchecked-count/route";
import * as openapiRoute from "@/app/api/v1/openapi.json/route";
import {
  type BadInput,
  badDocuments,
  controlText,
  FUZZ_RUNS,
  fuzz,
  hugeText,
} from "../helpers/fuzz";
import {
  badQueryValue,
  bulkFilterFields,
  bulkIdsFields,
  FILTER_KEYS,
} from "../helpers/fuzz-documents";
import { createFuzzWorld, type FuzzWorld, foreignIds, stampKeys } from "../helpers/fuzz-fixture";
import {
  type Answer,
  badAuth,
  badBodies,
  encodeQueryValue,
  type Handler,
  type HttpInput,
  send,
} from "../helpers/fuzz-http";
import { badJson, badPathIds, fuzzRoute } from "../helpers/fuzz-routes";
import { TEST_METRICS_TOKEN } from "../helpers/metrics-token";

const TIMEOUT = 180_000;
let world: FuzzWorld;

beforeAll(async () => {
  world = await createFuzzWorld();
});

type Pair = [string, string];
const toQuery = (pairs: Pair[]) =>
  pairs.map(([key, value]) => `${encodeQueryValue(key)}=${encodeQueryValue(value)}`).join("&");

/**
 * Query strings with one thing wrong: an unknown or repeated parameter, or a bad value of one
 * of `keys` (another project's event or request among them).
 */
function badQueries(good: Pair[], keys: string[]): fc.Arbitrary<BadInput<HttpInput>> {
  const foreign: Record<string, string[]> = {
    eventId: [world.b.eventId, world.b.otherEventId, world.a.requestId],
    requestId: [world.b.requestId, world.a.eventId],
  };
  const value = (key: string) =>
    foreign[key]
      ? fc.oneof(badQueryValue(key), fc.constantFrom(...(foreign[key] ?? [])))
      : badQueryValue(key);
  const at = (pairs: Pair[], names: string) => ({
    input: { method: "GET", query: toQuery(pairs) } as HttpInput,
    names,
    why: `?${toQuery(pairs).slice(0, 200)}`,
  });
  const known = new Set(keys);
  return fc.oneof(
    fc
      .oneof(
        fc.constantFrom(
          "projectId",
          "callEventId",
          "limit",
          "page",
          "sort",
          "include",
          "Status",
          "from[]",
        ),
        fc.string({ minLength: 1, maxLength: 10 }).map((s) => `zz${s}`),
      )
      .filter((key) => !known.has(key))
      .map((key) => at([...good, [key, "1"]], key)),
    fc
      .constantFrom(...keys)
      .chain((key) =>
        value(key).map((v) => at([...good.filter(([k]) => k !== key), [key, v]], key)),
      ),
    fc
      .constantFrom(...keys.filter((key) => key !== "eventId"))
      .map((key) =>
        at(
          [
            ...good.filter(([k]) => k !== key),
            [key, key === "limit" ? "5" : "2026-11-01"],
            [key, "x"],
          ],
          key,
        ),
      ),
  );
}

/** Bodies of a bulk action (`{ ids }` or `{ filter }`) with one thing wrong. */
function badBulkBodies(good: HttpInput) {
  const ids = bulkIdsFields([world.a.deliveries.failed]);
  const filter = bulkFilterFields();
  const foreignFilter = fc
    .tuple(
      fc.constantFrom("eventId", "requestId"),
      fc.constantFrom(world.b.eventId, world.b.requestId, ...world.unknownIds.slice(0, 1)),
    )
    .map(([key, id]) => ({
      input: { ...good, json: { filter: { [key]: id } } },
      names: `filter.${key}`,
      why: `filter.${key} of another project: ${id}`,
    }));
  return fc.oneof(
    { arbitrary: badAuth(world, good), weight: 1 },
    { arbitrary: badBodies(good, ids.document, { nullIsEmpty: true }), weight: 2 },
    { arbitrary: badJson(good, badDocuments(ids.document, ids.fields)), weight: 3 },
    {
      arbitrary: badJson(good, badDocuments(filter.document, filter.fields, filter.strict)),
      weight: 4,
    },
    { arbitrary: foreignFilter, weight: 1 },
  );
}

const LIST_KEYS = [...FILTER_KEYS, "limit"];
const GOOD_FILTER: Pair[] = [
  ["status", "5xx"],
  ["from", "2026-11-01"],
];

describe("fuzz: delivery routes", () => {
  it("GET /api/v1/deliveries", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET", query: toQuery(GOOD_FILTER) };
    await fuzzRoute(
      world,
      deliveriesRoute.GET,
      fc.oneof(badAuth(world, good), badQueries(GOOD_FILTER, LIST_KEYS)),
    );
  });

  it("GET /api/v1/deliveries/export.csv", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET", query: toQuery(GOOD_FILTER) };
    await fuzzRoute(
      world,
      exportRoute.GET,
      fc.oneof(badAuth(world, good), badQueries(GOOD_FILTER, FILTER_KEYS)),
    );
  });

  it("GET /api/v1/deliveries/hourly", { timeout: TIMEOUT }, async () => {
    const range: Pair[] = [["from", "2026-11-01"]];
    const good: HttpInput = { method: "GET", query: toQuery(range) };
    await fuzzRoute(
      world,
      hourlyRoute.GET,
      fc.oneof(badAuth(world, good), badQueries(range, ["from", "to", "eventId"])),
    );
  });

  it("GET /api/v1/deliveries/unchecked-count", { timeout: TIMEOUT }, async () => {
    await fuzzRoute(world, countRoute.GET, badAuth(world, { method: "GET" }));
  });

  it("POST /api/v1/deliveries/check", { timeout: TIMEOUT }, async () => {
    await fuzzRoute(world, checkRoute.POST, badBulkBodies({ method: "POST" }));
  });

  it("POST /api/v1/deliveries/resend", { timeout: TIMEOUT }, async () => {
    await fuzzRoute(world, resendRoute.POST, badBulkBodies({ method: "POST" }));
  });

  it("POST /api/v1/deliveries/uncheck", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "POST" };
    const ids = bulkIdsFields([world.a.deliveries.checked]);
    await fuzzRoute(
      world,
      uncheckRoute.POST,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: badBodies(good, ids.document, { nullIsEmpty: true }), weight: 2 },
        { arbitrary: badJson(good, badDocuments(ids.document, ids.fields)), weight: 4 },
      ),
    );
  });

  it("GET /api/v1/deliveries/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET", params: { id: world.a.deliveries.failed } };
    await fuzzRoute(
      world,
      deliveryRoute.GET,
      fc.oneof(badAuth(world, good), badPathIds(world, good, "delivery")),
    );
  });

  it("POST /api/v1/deliveries/{id}/check", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "POST", params: { id: world.a.deliveries.failed } };
    const notFailed = fc.constantFrom(world.a.deliveries.succeeded).map((id) => ({
      input: { ...good, params: { id } },
      names: "failed deliveries",
      why: "a delivery that succeeded",
    }));
    await fuzzRoute(
      world,
      deliveryCheckRoute.POST,
      fc.oneof(badAuth(world, good), badPathIds(world, good, "delivery"), notFailed),
    );
  });

  it("POST /api/v1/deliveries/{id}/resend", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "POST", params: { id: world.a.deliveries.failed } };
    const notFailed = fc.constantFrom(world.a.deliveries.succeeded).map((id) => ({
      input: { ...good, params: { id } },
      names: "send again",
      why: "a delivery that succeeded",
    }));
    await fuzzRoute(
      world,
      deliveryResendRoute.POST,
      fc.oneof(badAuth(world, good), badPathIds(world, good, "delivery"), notFailed),
    );
  });

  it("GET /api/v1/deliveries/resend-batches/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET", params: { id: world.a.batchId } };
    await fuzzRoute(
      world,
      batchRoute.GET,
      fc.oneof(badAuth(world, good), badPathIds(world, good, "resend batch")),
    );
  });

  it("GET /api/v1/call-events/deliveries", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET", query: `callEventId=${world.a.callEventId}` };
    const queries = fc.oneof(
      fc.constant({
        input: { method: "GET", query: "" } as HttpInput,
        names: "callEventId",
        why: "no callEventId",
      }),
      fc.oneof(controlText, hugeText(100), fc.constantFrom("", " ", "a/b", "a.b")).map((id) => ({
        input: { method: "GET", query: `callEventId=${encodeQueryValue(id)}` } as HttpInput,
        names: "callEventId",
        why: `callEventId=${JSON.stringify(id).slice(0, 60)}`,
      })),
      fc.integer({ min: 11, max: 200 }).map((n) => ({
        input: {
          method: "GET",
          query: Array.from({ length: n }, (_, i) => `callEventId=c${i}`).join("&"),
        } as HttpInput,
        names: "callEventId",
        why: `${n} call events`,
      })),
      fc
        .oneof(
          fc.constantFrom("projectId", "id", "callEventIds"),
          fc.string({ minLength: 1, maxLength: 8 }).map((s) => `zz${s}`),
        )
        .map((key) => ({
          input: { ...good, query: `${good.query}&${encodeQueryValue(key)}=1` },
          names: key,
          why: `unknown parameter ${key}`,
        })),
    );
    await fuzzRoute(world, callDeliveriesRoute.GET, fc.oneof(badAuth(world, good), queries));
  });
});

describe("fuzz: what another project's ids reach through bulk routes", () => {
  // Bulk actions and the simulator's read act on the rows that match; ids of another project
  // (or of nothing) match none: the answer says nothing was done, and nothing is written.
  const strangers = () =>
    fc.uniqueArray(fc.constantFrom(...foreignIds(world), ...world.unknownIds), {
      minLength: 1,
      maxLength: 5,
    });
  const runs = Math.ceil(FUZZ_RUNS / 4);

  it("check, resend and uncheck change nothing", { timeout: TIMEOUT }, async () => {
    await stampKeys(world);
    const routes: Array<[Handler, (answer: Answer, ids: string[]) => void]> = [
      [checkRoute.POST, (answer) => expect(answer.json).toEqual({ ids: [] })],
      [uncheckRoute.POST, (answer) => expect(answer.json).toEqual({ ids: [] })],
      [
        resendRoute.POST,
        (answer, ids) => {
          expect(answer.json).toMatchObject({ total: 0, skippedCount: ids.length });
          const reasons = (answer.json as { skipped: Array<{ reason: string }> }).skipped.map(
            (s) => s.reason,
          );
          expect(new Set(reasons)).toEqual(new Set(["Not found"]));
        },
      ],
    ];
    const inputs = fc
      .tuple(fc.integer({ min: 0, max: routes.length - 1 }), strangers())
      .map(([route, ids]) => ({
        input: { route, ids },
        names: "",
        why: `route ${route}: ${ids.join(", ")}`,
      }));
    await fuzz(
      inputs,
      async ({ input }) => {
        const [handler, expectAnswer] = routes[input.route] as (typeof routes)[number];
        const answer = await send(
          handler,
          { method: "POST", json: { ids: input.ids } },
          world.a.key,
        );
        expect(answer.status).toBeLessThan(300);
        expectAnswer(answer, [...new Set(input.ids)]);
      },
      { runs },
    );
  });

  it("the simulator's read of call events finds none", { timeout: TIMEOUT }, async () => {
    await stampKeys(world);
    const inputs = strangers().map((ids) => ({ input: ids, names: "", why: ids.join(", ") }));
    await fuzz(
      inputs,
      async ({ input }) => {
        const query = input.map((id) => `callEventId=${id}`).join("&");
        const answer = await send(callDeliveriesRoute.GET, { method: "GET", query }, world.a.key);
        expect(answer.status).toBe(200);
        const found = (answer.json as { callEvents: Array<{ deliveries: unknown[] }> }).callEvents;
        expect(found.flatMap((event) => event.deliveries)).toEqual([]);
      },
      { runs },
    );
  });
});

describe("fuzz: operator endpoints", () => {
  // They take no input: whatever a request carries, the answer is the clean request's.
  const junk: fc.Arbitrary<BadInput<HttpInput>> = fc
    .record({
      query: fc.oneof(
        fc.constantFrom("", "a=1", "debug=true", "%ZZ", "x=%00", "format=json&format=text"),
        fc.string({ maxLength: 30 }).map(encodeQueryValue),
        hugeText(2000).map((s) => `q=${encodeQueryValue(s)}`),
      ),
      headers: fc.dictionary(
        fc.constantFrom(
          "Authorization",
          "Cookie",
          "Auth-key",
          "Accept",
          "X-Forwarded-For",
          "Content-Type",
        ),
        fc.string({
          unit: fc.integer({ min: 0x20, max: 0x7e }).map(String.fromCharCode),
          maxLength: 60,
        }),
        { maxKeys: 4 },
      ),
    })
    .map(({ query, headers }) => ({
      input: { method: "GET", query, headers, noKey: true },
      names: "",
      why: `?${query.slice(0, 60)} ${JSON.stringify(headers)}`,
    }));

  for (const [name, handler] of [
    ["GET /api/health", healthRoute.GET],
    ["GET /api/ready", readyRoute.GET],
    ["GET /api/v1/openapi.json", openapiRoute.GET],
  ] as Array<[string, () => Response | Promise<Response>]>) {
    it(name, { timeout: TIMEOUT }, async () => {
      const clean = await send(handler as unknown as Handler, { method: "GET" });
      expect(clean.status).toBe(200);
      await fuzz(junk, async (bad) => {
        const answer = await send(handler as unknown as Handler, bad.input);
        expect({ status: answer.status, text: answer.text }).toEqual({
          status: clean.status,
          text: clean.text,
        });
      });
    });
  }

  it("GET /api/metrics", { timeout: TIMEOUT }, async () => {
    const authorization = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(
        "",
        "Bearer",
        "Bearer ",
        `Basic ${TEST_METRICS_TOKEN}`,
        `bearer${TEST_METRICS_TOKEN}`,
        `Bearer ${TEST_METRICS_TOKEN.slice(1)}`,
        `Bearer ${TEST_METRICS_TOKEN}x`,
      ),
      fc
        .string({
          unit: fc.integer({ min: 0x21, max: 0x7e }).map(String.fromCharCode),
          maxLength: 60,
        })
        .map((s) => `Bearer ${s}`),
    );
    const inputs = fc
      .tuple(authorization, junk)
      .map(([value, bad]) => ({
        ...bad,
        input: {
          ...bad.input,
          headers: {
            ...bad.input.headers,
            ...(value === undefined ? {} : { Authorization: value }),
          },
        },
        names: "Authorization",
        why: `Authorization: ${value} ${bad.why}`,
      }))
      .filter((bad) => bad.input.headers.Authorization !== `Bearer ${TEST_METRICS_TOKEN}`);
    await fuzz(inputs, async (bad) => {
      const request = new Request(`http://localhost/api/metrics?${bad.input.query}`, {
        headers: bad.input.headers,
      });
      const response = await metricsRoute.GET(request);
      const text = await response.text();
      expect(response.status, bad.why).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toBe('Bearer realm="metrics"');
      expect(text.toLowerCase(), bad.why).toContain("authorization");
    });
  });
});
