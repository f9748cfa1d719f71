// Generated bad requests for the configuration routes of /api/v1: each is refused with a 4xx
// whose error names what is wrong, and leaves every table as it was.
import "../helpers/fresh-database";
import "../helpers/unlimited-api-budgets";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as callEventsRoute from "@/app/api/v1/call-events/route";
import * as catalogRoute from "@/app/api/v1/catalog/route";
import * as projectRoute from "@/app/api/v1/project/route";
import * as previewRoute from "@/app/api/v1/render-preview/route";
import * as copyRoute from "@/app/api/v1/webhook-events/[id]/copy/route";
import * as rotateRoute from "@/app/api/v1/webhook-events/[id]/rotate-signing-secret/route";
import * as eventRoute from "@/app/api/v1/webhook-events/[id]/route";
import * as eventsRoute from "@/app/api/v1/webhook-events/route";
import { changedTables, countWrites, dumpDatabase } from "../helpers/database-dump";
import { badDocuments, controlText, hugeText, preview } from "../helpers/fuzz";
import {
  callEventDocument,
  callEventFields,
  copyDocument,
  copyFields,
  eventDocument,
  eventFields,
  eventStrictPaths,
  patchDocument,
  patchFields,
  previewDocument,
  previewFields,
  previewStrictPaths,
  rotateDocument,
  rotateFields,
} from "../helpers/fuzz-documents";
import { createFuzzWorld, type FuzzWorld } from "../helpers/fuzz-fixture";
import {
  badAuth,
  badBodies,
  encodeQueryValue,
  type Handler,
  type HttpInput,
  send,
} from "../helpers/fuzz-http";
import { badJson, badPathIds, fuzzRoute } from "../helpers/fuzz-routes";

const TIMEOUT = 180_000;
let world: FuzzWorld;

beforeAll(async () => {
  world = await createFuzzWorld();
});

describe("fuzz: configuration routes", () => {
  it("GET /api/v1/project", { timeout: TIMEOUT }, async () => {
    await fuzzRoute(world, projectRoute.GET, badAuth(world, { method: "GET" }));
  });

  it("GET /api/v1/catalog", { timeout: TIMEOUT }, async () => {
    await fuzzRoute(world, catalogRoute.GET, badAuth(world, { method: "GET" }));
  });

  it("GET /api/v1/webhook-events", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET", query: "include=summary" };
    const query = fc
      .oneof(
        fc.constantFrom(
          "include=summary&include=summary",
          "include=",
          "include=Summary",
          "include=all",
        ),
        fc.oneof(controlText, hugeText(100)).map((value) => `include=${encodeQueryValue(value)}`),
      )
      .map((q) => ({ input: { ...good, query: q }, names: "include", why: `?${q}` }));
    await fuzzRoute(world, eventsRoute.GET, fc.oneof(badAuth(world, good), query));
  });

  it("POST /api/v1/webhook-events", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "POST", json: eventDocument() };
    await fuzzRoute(
      world,
      eventsRoute.POST,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: badBodies(good, eventDocument()), weight: 2 },
        {
          arbitrary: badJson(good, badDocuments(eventDocument(), eventFields, eventStrictPaths)),
          weight: 6,
        },
      ),
    );
  });

  it("GET /api/v1/webhook-events/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET", params: { id: world.a.eventId } };
    await fuzzRoute(
      world,
      eventRoute.GET,
      fc.oneof(badAuth(world, good), badPathIds(world, good, "webhook event")),
    );
  });

  it("PUT /api/v1/webhook-events/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = {
      method: "PUT",
      params: { id: world.a.eventId },
      json: eventDocument(),
    };
    await fuzzRoute(
      world,
      eventRoute.PUT,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: badPathIds(world, good, "webhook event"), weight: 1 },
        { arbitrary: badBodies(good, eventDocument()), weight: 2 },
        {
          arbitrary: badJson(good, badDocuments(eventDocument(), eventFields, eventStrictPaths)),
          weight: 6,
        },
      ),
    );
  });

  it("PATCH /api/v1/webhook-events/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = {
      method: "PATCH",
      params: { id: world.a.eventId },
      json: patchDocument(),
    };
    await fuzzRoute(
      world,
      eventRoute.PATCH,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: badPathIds(world, good, "webhook event"), weight: 1 },
        { arbitrary: badBodies(good, patchDocument()), weight: 2 },
        { arbitrary: badJson(good, badDocuments(patchDocument(), patchFields)), weight: 4 },
      ),
    );
  });

  it("DELETE /api/v1/webhook-events/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "DELETE", params: { id: world.a.eventId } };
    await fuzzRoute(
      world,
      eventRoute.DELETE,
      fc.oneof(badAuth(world, good), badPathIds(world, good, "webhook event")),
    );
  });

  it("POST /api/v1/webhook-events/{id}/copy", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = {
      method: "POST",
      params: { id: world.a.eventId },
      json: copyDocument(),
    };
    await fuzzRoute(
      world,
      copyRoute.POST,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: badPathIds(world, good, "webhook event"), weight: 1 },
        { arbitrary: badBodies(good, copyDocument(), { nullIsEmpty: true }), weight: 2 },
        { arbitrary: badJson(good, badDocuments(copyDocument(), copyFields)), weight: 4 },
      ),
    );
  });

  it("POST /api/v1/webhook-events/{id}/rotate-signing-secret", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = {
      method: "POST",
      params: { id: world.a.eventId },
      json: rotateDocument(world.a.requestId),
    };
    await fuzzRoute(
      world,
      rotateRoute.POST,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: badPathIds(world, good, "webhook event"), weight: 1 },
        { arbitrary: badBodies(good, rotateDocument(world.a.requestId)), weight: 2 },
        {
          arbitrary: badJson(good, badDocuments(rotateDocument(world.a.requestId), rotateFields)),
          weight: 4,
        },
      ),
    );
  });

  it("POST /api/v1/render-preview", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "POST", json: previewDocument() };
    await fuzzRoute(
      world,
      previewRoute.POST,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: badBodies(good, previewDocument()), weight: 2 },
        {
          arbitrary: badJson(
            good,
            badDocuments(previewDocument(), previewFields, previewStrictPaths),
          ),
          weight: 6,
        },
      ),
    );
  });

  it("POST /api/v1/call-events", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "POST", json: callEventDocument() };
    await fuzzRoute(
      world,
      callEventsRoute.POST,
      fc.oneof(
        { arbitrary: badAuth(world, good, { scope: "ingest" }), weight: 1 },
        { arbitrary: badBodies(good, callEventDocument(), { maxBytes: 256 * 1024 }), weight: 2 },
        { arbitrary: badJson(good, badDocuments(callEventDocument(), callEventFields)), weight: 6 },
      ),
    );
  });

  // The bad inputs above are one mistake away from these: each good one is accepted, and the
  // dump sees what it writes.
  it("accepts the documents the bad inputs were made from", async () => {
    const ok = async (handler: Handler, input: HttpInput, status: number) => {
      const before = await dumpDatabase();
      const writes = await countWrites();
      const answer = await send(handler, input, world.a.key);
      expect(answer.status, preview(answer.json)).toBe(status);
      const changed = changedTables(before, await dumpDatabase());
      // The write counter moves exactly when the dump sees a change.
      expect((await countWrites()) > writes).toBe(changed.length > 0);
      return changed;
    };
    const id = world.a.eventId;
    expect(await ok(previewRoute.POST, { method: "POST", json: previewDocument() }, 200)).toEqual(
      [],
    );
    expect(await ok(eventsRoute.POST, { method: "POST", json: eventDocument() }, 201)).toContain(
      "WebhookEvent",
    );
    expect(
      await ok(eventRoute.PUT, { method: "PUT", params: { id }, json: eventDocument() }, 200),
    ).toContain("WebhookRequest");
    expect(
      await ok(eventRoute.PATCH, { method: "PATCH", params: { id }, json: patchDocument() }, 200),
    ).toContain("WebhookEvent");
    expect(
      await ok(copyRoute.POST, { method: "POST", params: { id }, json: copyDocument() }, 201),
    ).toContain("WebhookEvent");
    expect(
      await ok(callEventsRoute.POST, { method: "POST", json: callEventDocument() }, 202),
    ).toContain("CallEvent");
  });
});
