// Generated bad requests for the member, invite, project-list and secret-reveal routes of
// /api/v1: each is refused with a 4xx whose error names what is wrong, and leaves every table
// as it was.
import "../helpers/fresh-database";
import "../helpers/unlimited-api-budgets";
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import * as inviteRoute from "@/app/api/v1/invites/[id]/route";
import * as invitesRoute from "@/app/api/v1/invites/route";
import * as memberRoute from "@/app/api/v1/members/[id]/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as secretsRoute from "@/app/api/v1/webhook-events/[id]/secrets/route";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { badDocuments } from "../helpers/fuzz";
import { inviteDocument, inviteFields, roleFields } from "../helpers/fuzz-documents";
import { createFuzzWorld, type FuzzWorld } from "../helpers/fuzz-fixture";
import { badAuth, badBodies, type Handler, type HttpInput } from "../helpers/fuzz-http";
import { badJson, badPathIds, fuzzRoute } from "../helpers/fuzz-routes";

const TIMEOUT = 180_000;
let world: FuzzWorld;

beforeAll(async () => {
  world = await createFuzzWorld();
});

describe("fuzz: member and invite routes", () => {
  it("GET /api/v1/members", { timeout: TIMEOUT }, async () => {
    await fuzzRoute(
      world,
      membersRoute.GET,
      badAuth(world, { method: "GET" }, { sessionRole: "admin" }),
    );
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
      world,
      memberRoute.PATCH,
      fc.oneof(
        { arbitrary: badAuth(world, good), weight: 1 },
        { arbitrary: badPathIds(world, good, "member"), weight: 1 },
        { arbitrary: owners, weight: 1 },
        { arbitrary: badBodies(good, { role: "viewer" }), weight: 2 },
        { arbitrary: badJson(good, badDocuments({ role: "viewer" }, roleFields([]))), weight: 3 },
      ),
    );
  });

  it("DELETE /api/v1/members/{id}", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "DELETE", params: { id: world.viewer.userId } };
    await fuzzRoute(
      world,
      memberRoute.DELETE,
      fc.oneof(
        badAuth(world, good),
        badPathIds(world, good, "member"),
        fc.constant({
          input: { ...good, params: { id: world.a.userId } },
          names: "owner",
          why: "the key removes the owner",
        }),
      ),
    );
  });

  it("GET /api/v1/invites", { timeout: TIMEOUT }, async () => {
    await fuzzRoute(
      world,
      invitesRoute.GET,
      badAuth(world, { method: "GET" }, { sessionRole: "admin" }),
    );
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
      world,
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
      world,
      inviteRoute.DELETE,
      fc.oneof(badAuth(world, good), badPathIds(world, good, "invite", used)),
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
      world,
      projectsRoute.GET as Handler,
      fc.oneof(badAuth(world, good, { sessionReads: false }), cookies),
    );
  });

  it("GET /api/v1/webhook-events/{id}/secrets", { timeout: TIMEOUT }, async () => {
    const good: HttpInput = { method: "GET", params: { id: world.a.eventId } };
    await fuzzRoute(
      world,
      secretsRoute.GET,
      fc.oneof(
        badAuth(world, good, { sessionRole: "admin" }),
        badPathIds(world, good, "webhook event"),
      ),
    );
  });
});
