// Generated bad requests for the member, invite, project-list and secret-reveal routes of
// /api/v1: each is refused with a 4xx whose error names what is wrong, and leaves every table
// as it was.
import "../helpers/fresh-database";
import "../helpers/unlimited-api-budgets";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as inviteRoute from "@/app/api/v1/invites/[id]/route";
import * as invitesRoute from "@/app/api/v1/invites/route";
import * as memberRoute from "@/app/api/v1/members/[id]/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as secretsRoute from "@/app/api/v1/webhook-events/[id]/secrets/route";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { type BadInput, badDocuments, FUZZ_RUNS, fuzz } from "../helpers/fuzz";
import { inviteDocument, inviteFields, roleFields } from "../helpers/fuzz-documents";
import { createFuzzWorld, type FuzzWorld, foreignIds, stampKeys } from "../helpers/fuzz-fixture";
import {
  badAuth,
  badBodies,
  badIds,
  expectRefusal,
  type Handler,
  type HttpInput,
  send,
} from "../helpers/fuzz-http";

const TIMEOUT = 180_000;
let world: FuzzWorld;

beforeAll(async () => {
  world = await createFuzzWorld();
});

function badJson(good: HttpInput, documents: fc.Arbitrary<BadInput<unknown>>) {
  return documents.map((bad) => ({ ...bad, input: { ...good, json: bad.input } as HttpInput }));
}

/** The same request with its path id replaced by one that names nothing of the project. */
function badPathIds(good: HttpInput, names: string, extra: string[] = []) {
  return badIds([...foreignIds(world), ...extra], world.unknownIds).map(({ id, why }) => ({
    input: { ...good, params: { id } },
    names,
    why,
  }));
}

async function fuzzRoute(handler: Handler, inputs: fc.Arbitrary<BadInput<HttpInput>>) {
  await stampKeys(world);
  const count = await fuzz(inputs, async (bad) => {
    expectRefusal(await send(handler, bad.input, world.a.key), bad);
  });
  expect(count).toBe(FUZZ_RUNS);
}

describe("fuzz: member and invite routes", () => {
  it("GET /api/v1/members", { timeout: TIMEOUT }, async () => {
    await fuzzRoute(membersRoute.GET, badAuth(world, { method: "GET" }, { sessionRole: "admin" }));
  });

  it("PATCH /api/v1/members/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = {
      method: "PATCH",
      params: { id: world.viewer.userId },
      json: { role: "viewer" },
    };
    // An API key acts as an admin: owners are neither made nor demoted by it.
    const owners = fc.constantFrom(
      {
        input: { ...good, params: { id: world.a.userId }, json: { role: "viewer" } },
        names: "owner",
        why: "the key demotes the owner",
      },
      {
        input: { ...good, json: { role: "owner" } },
        names: "owner",
        why: "the key makes an owner",
      },
    );
    await fuzzRoute(
      memberRoute.PATCH,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: badPathIds(good, "member"), weight: 1 },
        { arbitrary: owners, weight: 1 },
        { arbitrary: badBodies(good, { role: "viewer" }), weight: 2 },
        { arbitrary: badJson(good, badDocuments({ role: "viewer" }, roleFields([]))), weight: 3 },
      ),
    );
  });

  it("DELETE /api/v1/members/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "DELETE", params: { id: world.viewer.userId } };
    await fuzzRoute(
      memberRoute.DELETE,
      fc.oneof(
        badAuth(world, good),
        badPathIds(good, "member"),
        fc.constant({
          input: { ...good, params: { id: world.a.userId } },
          names: "owner",
          why: "the key removes the owner",
        }),
      ),
    );
  });

  it("GET /api/v1/invites", { timeout: TIMEOUT }, async () => {
    await fuzzRoute(invitesRoute.GET, badAuth(world, { method: "GET" }, { sessionRole: "admin" }));
  });

  it("POST /api/v1/invites", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "POST", json: inviteDocument() };
    const members = fc
      .constantFrom(world.a.email, world.a.email.toUpperCase(), ` ${world.a.email} `)
      .map((email) => ({
        input: { ...good, json: { email, role: "admin" } },
        names: "email",
        why: `invite ${email}, a member already`,
      }));
    await fuzzRoute(
      invitesRoute.POST,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: members, weight: 1 },
        { arbitrary: badBodies(good, inviteDocument()), weight: 2 },
        { arbitrary: badJson(good, badDocuments(inviteDocument(), inviteFields)), weight: 4 },
      ),
    );
  });

  it("DELETE /api/v1/invites/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "DELETE", params: { id: world.a.invites.pending.id } };
    const used = world.a.invites.settledIds;
    await fuzzRoute(
      inviteRoute.DELETE,
      fc.oneof(badAuth(world, good), badPathIds(good, "invite", used)),
    );
  });
});

describe("fuzz: the project list and the secret reveal", () => {
  it("GET /api/v1/projects", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET" };
    // The list names no project: a cookie that is no session is a request without credentials.
    const cookies = fc
      .string({
        unit: fc.integer({ min: 0x21, max: 0x7e }).map(String.fromCharCode),
        maxLength: 60,
      })
      .filter((token) => !token.includes(";") && token !== world.a.sessionToken)
      .map((token) => ({
        input: { ...good, noKey: true, headers: { Cookie: `${SESSION_COOKIE}=${token}` } },
        names: "Auth-key",
        why: `unknown session ${token}`,
      }));
    await fuzzRoute(
      projectsRoute.GET as Handler,
      fc.oneof(badAuth(world, good, { sessionReads: false }), cookies),
    );
  });

  it("GET /api/v1/webhook-events/{id}/secrets", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET", params: { id: world.a.eventId } };
    await fuzzRoute(
      secretsRoute.GET,
      fc.oneof(badAuth(world, good, { sessionRole: "admin" }), badPathIds(good, "webhook event")),
    );
  });
});
