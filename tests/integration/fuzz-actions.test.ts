// Generated bad arguments for every server action (app/_actions/*.ts) and the session-cookie
// CSV export route: each answers a failed result (or a 4xx) that names what is wrong, never
// throws, and leaves every table as it was. The session comes from a mocked next/headers whose
// cookie is a real session made by lib/auth/sessions.
import "../helpers/fresh-database";
import "../helpers/unlimited-api-budgets";
import { readdir } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionResult } from "@/app/_actions/action-result";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import {
  type BadInput,
  badDocuments,
  controlText,
  FUZZ_RUNS,
  fuzz,
  hugeText,
  valueNotOf,
} from "../helpers/fuzz";
import {
  badIdArgument,
  exoticValue,
  expectFailedResult,
  notADocument,
  show,
} from "../helpers/fuzz-actions";
import {
  bulkFilterFields,
  bulkIdsFields,
  eventDocument,
  eventFields,
  eventStrictPaths,
  inviteDocument,
  inviteFields,
  previewDocument,
  previewFields,
  previewStrictPaths,
  requestDocument,
  roleFields,
} from "../helpers/fuzz-documents";
import { createFuzzWorld, type FuzzWorld, foreignIds } from "../helpers/fuzz-fixture";

const jar = vi.hoisted(() => ({
  session: undefined as string | undefined,
  set: [] as string[],
  deleted: [] as string[],
}));

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === "webhooks_session" && jar.session !== undefined
        ? { name, value: jar.session }
        : undefined,
    set: (name: string) => {
      jar.set.push(name);
    },
    delete: (name: string) => {
      jar.deleted.push(name);
    },
  }),
  headers: async () => new Headers({ "user-agent": "fuzz" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const auth = await import("@/app/_actions/auth");
const deliveries = await import("@/app/_actions/deliveries");
const members = await import("@/app/_actions/members");
const previewActions = await import("@/app/_actions/preview");
const settings = await import("@/app/_actions/project-settings");
const projects = await import("@/app/_actions/projects");
const secrets = await import("@/app/_actions/secrets");
const sendTest = await import("@/app/_actions/send-test");
const signing = await import("@/app/_actions/signing");
const simulator = await import("@/app/_actions/simulator");
const events = await import("@/app/_actions/webhook-events");
const locale = await import("@/app/_actions/locale");
const exportRoute = await import("@/app/projects/[projectId]/webhooks/errors/export/route");

const TIMEOUT = 180_000;
let world: FuzzWorld;

beforeAll(async () => {
  world = await createFuzzWorld();
});

/** The arguments of one call, and whose session cookie it carries (default: A's owner). */
type ActionInput = { args: unknown[]; session?: string | null };

type Target = {
  run: (...args: never[]) => Promise<ActionResult<unknown>>;
  /** Arguments that would succeed: bad inputs change one thing in them. */
  good: () => unknown[];
  /** The role it needs: a viewer's session is refused unless "viewer". */
  role: "admin" | "viewer";
  bad: () => fc.Arbitrary<BadInput<ActionInput>>;
};

async function callAction(target: Target, input: ActionInput): Promise<ActionResult<unknown>> {
  jar.session = input.session === null ? undefined : (input.session ?? world.a.sessionToken);
  jar.set = [];
  try {
    return await (target.run as (...args: unknown[]) => Promise<ActionResult<unknown>>)(
      ...input.args,
    );
  } finally {
    // A rejected input never signs anyone in.
    expect(jar.set, `cookies set by ${show(input.args)}`).toEqual([]);
  }
}

/** The good arguments with a session that cannot do this: none, unknown, too weak, a stranger. */
function badSessions(target: Target): fc.Arbitrary<BadInput<ActionInput>> {
  const args = () => target.good();
  const sessions = [
    fc.constant({ session: null, names: "session", why: "no session cookie" }),
    fc
      .oneof(fc.string({ maxLength: 40 }), hugeText(100), controlText)
      .map((session) => ({ session, names: "session", why: `unknown session ${show(session)}` })),
    fc.constant({
      session: world.b.sessionToken,
      names: "project",
      why: "another project's member",
    }),
  ];
  if (target.role === "admin") {
    sessions.push(
      fc.constant({ session: world.viewer.sessionToken, names: "admin", why: "a viewer" }),
    );
  }
  return fc.oneof(...sessions).map(({ session, names, why }) => ({
    input: { args: args(), session: session ?? null },
    names,
    why,
  }));
}

/** Bad project ids in the first argument. */
function badProject(target: Target): fc.Arbitrary<BadInput<ActionInput>> {
  return badIdArgument("projectId", {
    ids: [world.b.projectId, ...world.unknownIds],
    names: "project",
  }).map(({ value, names, why }) => ({
    input: { args: [value, ...target.good().slice(1)] },
    names,
    why,
  }));
}

/** Bad values of argument `index`: documents with one mistake, or no document at all. */
function badArgument(
  target: Target,
  index: number,
  documents: fc.Arbitrary<BadInput<unknown>>,
  notObject = "root|*",
  wrongShapes: fc.Arbitrary<unknown> = notADocument,
): fc.Arbitrary<BadInput<ActionInput>> {
  const replace = (value: unknown) => {
    const args = target.good();
    args[index] = value;
    return args;
  };
  return fc.oneof(
    {
      arbitrary: documents.map((bad) => ({ ...bad, input: { args: replace(bad.input) } })),
      weight: 5,
    },
    {
      arbitrary: wrongShapes.map((value) => ({
        input: { args: replace(value) },
        names: notObject,
        why: `argument ${index} = ${show(value)}`,
      })),
      weight: 1,
    },
  );
}

/** Bad id in argument `index` (a malformed one names `name`; a stranger's names `resource`). */
function badIdAt(target: Target, index: number, name: string, resource: string) {
  return badIdArgument(name, {
    ids: [...foreignIds(world), ...world.unknownIds],
    names: resource,
  }).map(({ value, names, why }) => {
    const args = target.good();
    args[index] = value;
    return { input: { args }, names, why };
  });
}

async function fuzzAction(target: Target) {
  const count = await fuzz(target.bad(), async (bad) => {
    let result: ActionResult<unknown>;
    try {
      result = await callAction(target, bad.input);
    } catch (error) {
      throw new Error(`${bad.why}: the action threw ${show((error as Error).message ?? error)}`);
    }
    expectFailedResult(result, bad);
  });
  expect(count).toBe(FUZZ_RUNS);
}

const simulatedCall = () => ({
  direction: "incoming",
  caller: "380671234567",
  number: "380441112233",
  employeeNumber: "104",
  employeeName: "Олена Коваленко",
  department: "Sales",
  outcome: "answered",
});

const phoneBad = fc.oneof(
  fc.constantFrom("", "12", "+", "38067 123", "phone", "1".repeat(21)),
  controlText,
);
const simulatedCallFields = (at: Array<string | number>) => [
  {
    path: [...at, "direction"],
    kinds: ["string" as const],
    required: true,
    bad: fc.constantFrom("in", "Incoming", ""),
  },
  { path: [...at, "caller"], kinds: ["string" as const], required: true, bad: phoneBad },
  { path: [...at, "number"], kinds: ["string" as const], required: true, bad: phoneBad },
  {
    path: [...at, "employeeNumber"],
    kinds: ["string" as const],
    required: true,
    bad: fc.oneof(hugeText(20), controlText, fc.constant(" ")),
  },
  {
    path: [...at, "employeeName"],
    kinds: ["string" as const],
    required: true,
    bad: fc.oneof(hugeText(100), controlText, fc.constant("")),
  },
  {
    path: [...at, "department"],
    kinds: ["string" as const],
    required: true,
    bad: fc.oneof(hugeText(100), controlText, fc.constant("")),
  },
  {
    path: [...at, "outcome"],
    kinds: ["string" as const],
    required: true,
    bad: fc.constantFrom("hangup", "ANSWERED", ""),
  },
];

function targets(): Record<string, Target> {
  const a = () => world.a;
  const settingsDoc = {
    name: "Fuzz project",
    timeZone: "Europe/Kyiv",
    gaMeasurementId: "G-ABC123",
    gaApiSecret: "secret_1",
  };
  const ids = bulkIdsFields([world.a.deliveries.failed]);
  const filter = bulkFilterFields({ unknownIdsRefused: false });
  const bulkDocs = fc.oneof(
    badDocuments(ids.document, ids.fields),
    badDocuments(filter.document, filter.fields, filter.strict),
  );
  const signedPreview = () => ({
    type: "incoming.after_call",
    request: { ...(requestDocument() as object), signing: { enabled: true } },
  });

  const t: Record<string, Target> = {};
  t.setupAction = {
    run: auth.setupAction,
    good: () => [
      { email: "new@example.com", password: "correct horse battery", projectName: "New" },
    ],
    role: "viewer",
    bad: () =>
      badArgument(
        t.setupAction as Target,
        0,
        badDocuments(
          { email: "new@example.com", password: "correct horse battery", projectName: "New" },
          [
            {
              path: ["email"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(
                fc.constantFrom("", "admin", "a@", "@b.c", "a b@c.d"),
                hugeText(254),
                controlText,
              ),
            },
            {
              path: ["password"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(fc.constantFrom("", "short", "x".repeat(11)), hugeText(200)),
            },
            {
              path: ["projectName"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(hugeText(100), controlText, fc.constant("  ")),
            },
          ],
        ),
      ),
  };
  t.loginAction = {
    run: auth.loginAction,
    good: () => [{ email: world.a.email, password: "correct horse battery" }],
    role: "viewer",
    bad: () =>
      badArgument(
        t.loginAction as Target,
        0,
        badDocuments({ email: world.a.email, password: "x" }, [
          {
            path: ["email"],
            kinds: ["string"],
            required: true,
            bad: fc.oneof(fc.constantFrom("", "admin", "a@"), hugeText(254), controlText),
          },
          {
            path: ["password"],
            kinds: ["string"],
            required: true,
            bad: fc.oneof(fc.constant(""), hugeText(200)),
          },
        ]),
      ),
  };
  t.resendAction = {
    run: deliveries.resendAction,
    good: () => [a().projectId, { ids: [a().deliveries.failed] }],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.resendAction as Target),
        badProject(t.resendAction as Target),
        badArgument(t.resendAction as Target, 1, bulkDocs, "root|ids|*"),
      ),
  };
  t.markCheckedAction = {
    run: deliveries.markCheckedAction,
    good: () => [a().projectId, { ids: [a().deliveries.failed] }],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.markCheckedAction as Target),
        badProject(t.markCheckedAction as Target),
        badArgument(t.markCheckedAction as Target, 1, bulkDocs, "root|ids|*"),
      ),
  };
  t.uncheckAction = {
    run: deliveries.uncheckAction,
    good: () => [a().projectId, [a().deliveries.checked]],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.uncheckAction as Target),
        badProject(t.uncheckAction as Target),
        badArgument(
          t.uncheckAction as Target,
          1,
          fc.oneof(
            fc.constant({ input: [], names: "ids", why: "no ids" }),
            fc.constant({
              input: Array.from({ length: 20_001 }, (_, i) => `id${i}`),
              names: "ids",
              why: "20,001 ids",
            }),
            fc
              .oneof(valueNotOfString(), controlText, hugeText(100), fc.constant(""))
              .map((id) => ({ input: [id], names: "ids[0]", why: `ids[0] = ${show(id)}` })),
          ),
          "ids",
          fc.oneof(exoticValue, valueNotOf("object", "array")),
        ),
      ),
  };
  t.previewRequestAction = {
    run: previewActions.previewRequestAction,
    good: () => [a().projectId, previewDocument()],
    role: "viewer",
    bad: () =>
      fc.oneof(
        badSessions(t.previewRequestAction as Target),
        badProject(t.previewRequestAction as Target),
        badArgument(
          t.previewRequestAction as Target,
          1,
          badDocuments(previewDocument(), previewFields, previewStrictPaths),
        ),
      ),
  };
  t.updateProjectSettingsAction = {
    run: settings.updateProjectSettingsAction,
    good: () => [a().projectId, { ...settingsDoc }],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.updateProjectSettingsAction as Target),
        badProject(t.updateProjectSettingsAction as Target),
        badArgument(
          t.updateProjectSettingsAction as Target,
          1,
          badDocuments(settingsDoc, [
            {
              path: ["name"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(hugeText(100), controlText, fc.constant(" ")),
            },
            {
              path: ["timeZone"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(
                fc.constantFrom("", "Mars/Olympus", "UTC+2", "Europe/Kyiiv"),
                controlText,
              ),
            },
            {
              path: ["gaMeasurementId"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(
                fc.constantFrom("UA-1", "g-abc", "G-", "G-a b"),
                hugeText(40),
                controlText,
              ),
            },
            {
              path: ["gaApiSecret"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(fc.constantFrom("a b", "ü", "a/b"), hugeText(100), controlText),
            },
          ]),
        ),
      ),
  };
  t.createApiKeyAction = {
    run: settings.createApiKeyAction,
    good: () => [a().projectId, { name: "New key", scopes: ["ingest"] }],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.createApiKeyAction as Target),
        badProject(t.createApiKeyAction as Target),
        badArgument(
          t.createApiKeyAction as Target,
          1,
          badDocuments({ name: "New key", scopes: ["ingest"] }, [
            {
              path: ["name"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(hugeText(60), controlText, fc.constant("")),
            },
            {
              path: ["scopes"],
              kinds: ["array"],
              bad: fc.oneof(
                fc.constantFrom([], ["read"], ["Admin"], [""], ["admin", "ingest", "admin"], [1]),
                fc.constant(["ingest", null]),
                controlText.map((scope) => [scope]),
              ),
            },
          ]),
        ),
      ),
  };
  t.revokeApiKeyAction = {
    run: settings.revokeApiKeyAction,
    good: () => [a().projectId, a().apiKeyId],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.revokeApiKeyAction as Target),
        badProject(t.revokeApiKeyAction as Target),
        badIdAt(t.revokeApiKeyAction as Target, 1, "apiKeyId", "API key"),
      ),
  };
  t.sendTestRequestAction = {
    run: sendTest.sendTestRequestAction,
    good: () => [
      a().projectId,
      signedPreview(),
      { eventId: a().eventId, requestId: a().requestId },
    ],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.sendTestRequestAction as Target),
        badProject(t.sendTestRequestAction as Target),
        badArgument(
          t.sendTestRequestAction as Target,
          1,
          badDocuments(previewDocument(), previewFields, previewStrictPaths),
        ),
        badArgument(
          t.sendTestRequestAction as Target,
          2,
          fc.oneof(
            badDocuments({ eventId: a().eventId, requestId: a().requestId }, [
              {
                path: ["eventId"],
                kinds: ["string"],
                required: true,
                bad: fc.oneof(controlText, hugeText(100), fc.constant("")),
              },
              {
                path: ["requestId"],
                kinds: ["string"],
                required: true,
                bad: fc.oneof(controlText, hugeText(100), fc.constant("")),
              },
            ]).map((bad) => ({ ...bad, names: `saved.${bad.names}|${bad.names}` })),
            fc.constantFrom(world.b.eventId, ...world.unknownIds).map((eventId) => ({
              input: { eventId, requestId: a().requestId },
              names: "webhook event",
              why: `saved.eventId = ${eventId}`,
            })),
          ),
          "saved",
          // Without `saved` the request is sent unsigned: that is no bad input, and it would
          // reach out to the URL.
        ).filter((bad) => Boolean(bad.input.args[2])),
      ),
  };
  t.sendTestEventAction = {
    run: sendTest.sendTestEventAction,
    good: () => [a().projectId, a().eventId],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.sendTestEventAction as Target),
        badProject(t.sendTestEventAction as Target),
        badIdAt(t.sendTestEventAction as Target, 1, "eventId", "webhook event"),
      ),
  };
  t.rotateSigningSecretAction = {
    run: signing.rotateSigningSecretAction,
    good: () => [a().projectId, a().eventId, a().requestId],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.rotateSigningSecretAction as Target),
        badProject(t.rotateSigningSecretAction as Target),
        badIdAt(t.rotateSigningSecretAction as Target, 1, "eventId", "webhook event"),
        badIdAt(t.rotateSigningSecretAction as Target, 2, "requestId", "request"),
      ),
  };
  t.planCallAction = {
    run: simulator.planCallAction,
    good: () => [a().projectId, simulatedCall()],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.planCallAction as Target),
        badProject(t.planCallAction as Target),
        badArgument(
          t.planCallAction as Target,
          1,
          fc.oneof(
            badDocuments(simulatedCall(), simulatedCallFields([])),
            fc.constantFrom("forwarded", "evaluated").map((outcome) => ({
              input: { ...simulatedCall(), direction: "outgoing", outcome },
              names: "outcome",
              why: `an outgoing call ${outcome}`,
            })),
          ),
        ),
      ),
  };
  const step = () => ({
    call: simulatedCall(),
    plan: { uniqueid: "1795767304.104520000", startedAt: "2026-11-27T08:15:04.000Z" },
    step: 0,
  });
  t.playMomentAction = {
    run: simulator.playMomentAction,
    good: () => [a().projectId, step()],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.playMomentAction as Target),
        badProject(t.playMomentAction as Target),
        badArgument(
          t.playMomentAction as Target,
          1,
          badDocuments(
            step(),
            [
              ...simulatedCallFields(["call"]),
              {
                path: ["plan", "uniqueid"],
                kinds: ["string"],
                required: true,
                bad: fc.oneof(
                  fc.constantFrom("", "1.2", "abc.123456789", "1795767304.10452"),
                  hugeText(30),
                  controlText,
                ),
              },
              {
                path: ["plan", "startedAt"],
                kinds: ["string"],
                required: true,
                bad: fc.constantFrom("", "2026-11-27", "yesterday", "2026-11-27T08:15:04+02:00x"),
              },
              {
                path: ["step"],
                kinds: ["number"],
                required: true,
                bad: fc.constantFrom(-1, 10, 1.5, 9, 8, 7),
              },
            ],
            [[], ["call"], ["plan"]],
          ),
        ),
      ),
  };
  const ref = () => ({ projectId: a().projectId, eventId: a().eventId, enabled: false });
  const refFields = (withEnabled: boolean) => [
    {
      path: ["projectId"],
      kinds: ["string" as const],
      required: true,
      bad: fc.oneof(controlText, hugeText(100), fc.constantFrom("", "a b")),
    },
    {
      path: ["eventId"],
      kinds: ["string" as const],
      required: true,
      bad: fc.oneof(controlText, hugeText(100), fc.constantFrom("", "a b")),
    },
    ...(withEnabled ? [{ path: ["enabled"], kinds: ["boolean" as const], required: true }] : []),
  ];
  const strangerEvents = (withEnabled: boolean) =>
    fc.constantFrom(world.b.eventId, world.b.otherEventId, ...world.unknownIds).map((eventId) => ({
      input: withEnabled ? { ...ref(), eventId } : { projectId: a().projectId, eventId },
      names: "webhook event",
      why: `eventId = ${eventId}`,
    }));
  t.setEventEnabledAction = {
    run: events.setEventEnabledAction,
    good: () => [ref()],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.setEventEnabledAction as Target),
        badArgument(
          t.setEventEnabledAction as Target,
          0,
          fc.oneof(badDocuments(ref(), refFields(true)), strangerEvents(true)),
        ),
      ),
  };
  t.deleteEventAction = {
    run: events.deleteEventAction,
    good: () => [{ projectId: a().projectId, eventId: a().eventId }],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.deleteEventAction as Target),
        badArgument(
          t.deleteEventAction as Target,
          0,
          fc.oneof(
            badDocuments({ projectId: a().projectId, eventId: a().eventId }, refFields(false)),
            strangerEvents(false),
          ),
        ),
      ),
  };
  t.createEventAction = {
    run: events.createEventAction,
    good: () => [a().projectId, eventDocument()],
    role: "admin",
    bad: () =>
      fc.oneof(
        { arbitrary: badSessions(t.createEventAction as Target), weight: 1 },
        { arbitrary: badProject(t.createEventAction as Target), weight: 1 },
        {
          arbitrary: badArgument(
            t.createEventAction as Target,
            1,
            badDocuments(eventDocument(), eventFields, eventStrictPaths),
          ),
          weight: 4,
        },
      ),
  };
  t.updateEventAction = {
    run: events.updateEventAction,
    good: () => [a().projectId, a().eventId, eventDocument()],
    role: "admin",
    bad: () =>
      fc.oneof(
        { arbitrary: badSessions(t.updateEventAction as Target), weight: 1 },
        { arbitrary: badProject(t.updateEventAction as Target), weight: 1 },
        {
          arbitrary: badIdAt(t.updateEventAction as Target, 1, "eventId", "webhook event"),
          weight: 1,
        },
        {
          arbitrary: badArgument(
            t.updateEventAction as Target,
            2,
            badDocuments(eventDocument(), eventFields, eventStrictPaths),
          ),
          weight: 4,
        },
      ),
  };
  addMemberTargets(t);
  addProjectTargets(t);
  return t;
}

/** A bad invite token: not text at all (names the token), or a link that lets nobody in. */
function badToken(): fc.Arbitrary<{ value: unknown; names: string; why: string }> {
  return fc.oneof(
    fc
      .oneof(exoticValue, valueNotOf("string"))
      .map((value) => ({ value, names: "token", why: `token = ${show(value)}` })),
    fc
      .oneof(
        controlText,
        hugeText(100),
        fc.constantFrom("", " ", "../x", "a b", "a".repeat(19)),
        // Shaped like a token, but nobody was ever sent it.
        fc.stringMatching(/^[\w-]{20,100}$/),
        fc.constantFrom(...world.a.invites.unusableTokens),
        fc.constant(world.a.invites.pending.token.toUpperCase()),
      )
      .map((value) => ({ value, names: "token|invite", why: `token = ${show(value)}` })),
  );
}

function badTokenAt(target: Target, session?: string | null) {
  return badToken().map(({ value, names, why }) => {
    const args = target.good();
    args[0] = value;
    return { input: { args, session }, names, why };
  });
}

function addMemberTargets(t: Record<string, Target>) {
  const a = () => world.a;
  const usedInvites = () =>
    fc.constantFrom(...world.a.invites.settledIds).map((id) => ({
      value: id,
      names: "invite",
      why: `inviteId = ${id}, no longer pending`,
    }));
  t.createInviteAction = {
    run: members.createInviteAction,
    good: () => [a().projectId, inviteDocument()],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.createInviteAction as Target),
        badProject(t.createInviteAction as Target),
        badArgument(
          t.createInviteAction as Target,
          1,
          fc.oneof(
            { arbitrary: badDocuments(inviteDocument(), inviteFields), weight: 4 },
            {
              arbitrary: fc
                .constantFrom(a().email, a().email.toUpperCase(), ` ${a().email}`)
                .map((email) => ({
                  input: { email, role: "viewer" },
                  names: "email",
                  why: `invite ${email}, a member already`,
                })),
              weight: 1,
            },
          ),
        ),
      ),
  };
  t.revokeInviteAction = {
    run: members.revokeInviteAction,
    good: () => [a().projectId, a().invites.pending.id],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.revokeInviteAction as Target),
        badProject(t.revokeInviteAction as Target),
        badIdAt(t.revokeInviteAction as Target, 1, "inviteId", "invite"),
        usedInvites().map(({ value, names, why }) => ({
          input: { args: [a().projectId, value] },
          names,
          why,
        })),
      ),
  };
  const lastOwner = (args: unknown[]): BadInput<ActionInput> => ({
    input: { args },
    names: "owner",
    why: "the last owner demotes or removes themselves",
  });
  t.changeMemberRoleAction = {
    run: members.changeMemberRoleAction,
    good: () => [a().projectId, world.viewer.userId, { role: "viewer" }],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.changeMemberRoleAction as Target),
        badProject(t.changeMemberRoleAction as Target),
        badIdAt(t.changeMemberRoleAction as Target, 1, "userId", "member"),
        badArgument(
          t.changeMemberRoleAction as Target,
          2,
          badDocuments({ role: "viewer" }, roleFields([])),
        ),
        fc.constant(lastOwner([a().projectId, a().userId, { role: "viewer" }])),
      ),
  };
  t.removeMemberAction = {
    run: members.removeMemberAction,
    good: () => [a().projectId, world.viewer.userId],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.removeMemberAction as Target),
        badProject(t.removeMemberAction as Target),
        badIdAt(t.removeMemberAction as Target, 1, "userId", "member"),
        fc.constant(lastOwner([a().projectId, a().userId])),
      ),
  };
  // The invite of project a for b's owner: b's session is the one that may accept it.
  t.acceptInviteAction = {
    run: members.acceptInviteAction,
    good: () => [world.signInInvite.token],
    role: "viewer",
    bad: () =>
      fc.oneof(
        badTokenAt(t.acceptInviteAction as Target, world.b.sessionToken),
        fc
          .oneof(
            fc.constant({ session: null, why: "signed out" }),
            fc.string({ maxLength: 40 }).map((session) => ({
              session,
              why: `unknown session ${show(session)}`,
            })),
            fc.constantFrom(
              { session: world.a.sessionToken, why: "signed in as another account" },
              { session: world.viewer.sessionToken, why: "signed in as a member" },
            ),
          )
          .map(({ session, why }) => ({
            input: { args: [world.signInInvite.token], session },
            names: "invite",
            why,
          })),
      ),
  };
  const signUp = () => ({ name: "New Person", password: "correct horse battery" });
  t.acceptInviteSignUpAction = {
    run: members.acceptInviteSignUpAction,
    good: () => [a().invites.pending.token, signUp()],
    role: "viewer",
    bad: () =>
      fc.oneof(
        { arbitrary: badTokenAt(t.acceptInviteSignUpAction as Target, null), weight: 2 },
        {
          arbitrary: badArgument(
            t.acceptInviteSignUpAction as Target,
            1,
            badDocuments(signUp(), [
              {
                path: ["name"],
                kinds: ["string"],
                required: true,
                bad: fc.oneof(hugeText(100), controlText, fc.constantFrom("", " ")),
              },
              {
                path: ["password"],
                kinds: ["string"],
                required: true,
                bad: fc.oneof(fc.constantFrom("", "short", "x".repeat(11)), hugeText(200)),
              },
            ]),
          ).map((bad) => ({ ...bad, input: { ...bad.input, session: null } })),
          weight: 4,
        },
        {
          // The invited email has an account already: it signs in instead.
          arbitrary: fc.constant<BadInput<ActionInput>>({
            input: { args: [world.signInInvite.token, signUp()], session: null },
            names: "account",
            why: "sign up with an email that has an account",
          }),
          weight: 1,
        },
      ),
  };
  // A wrong password legitimately records a sign-in failure (as with loginAction): every bad
  // input here is refused before a password is compared.
  t.acceptInviteSignInAction = {
    run: members.acceptInviteSignInAction,
    good: () => [world.signInInvite.token, { password: "x" }],
    role: "viewer",
    bad: () =>
      fc.oneof(
        badTokenAt(t.acceptInviteSignInAction as Target, null),
        badArgument(
          t.acceptInviteSignInAction as Target,
          1,
          badDocuments({ password: "x" }, [
            {
              path: ["password"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(fc.constant(""), hugeText(200)),
            },
          ]),
        ).map((bad) => ({ ...bad, input: { ...bad.input, session: null } })),
      ),
  };
}

function addProjectTargets(t: Record<string, Target>) {
  const a = () => world.a;
  t.createProjectAction = {
    run: projects.createProjectAction,
    good: () => [{ name: "Another project" }],
    role: "viewer",
    bad: () =>
      fc.oneof(
        fc.oneof(fc.constant(null), fc.string({ maxLength: 40 }), controlText).map((session) => ({
          input: { args: [{ name: "Another project" }], session },
          names: "session",
          why: `session ${show(session)}`,
        })),
        badArgument(
          t.createProjectAction as Target,
          0,
          badDocuments({ name: "Another project" }, [
            {
              path: ["name"],
              kinds: ["string"],
              required: true,
              bad: fc.oneof(hugeText(100), controlText, fc.constantFrom("", "  ")),
            },
          ]),
        ),
      ),
  };
  // The language is the user's, not a project's: any signed-in user may set their own.
  t.setLocaleAction = {
    run: locale.setLocaleAction,
    good: () => ["uk"],
    role: "viewer",
    bad: () =>
      fc.oneof(
        fc.oneof(fc.constant(null), fc.string({ maxLength: 40 }), controlText).map((session) => ({
          input: { args: ["uk"], session },
          names: "session",
          why: `session ${show(session)}`,
        })),
        fc
          .oneof(
            fc.constantFrom("", "UK", "ua", "uk-UA", "en ", "de", "ru"),
            controlText,
            hugeText(100),
            valueNotOfString(),
          )
          .map((value) => ({
            input: { args: [value] },
            names: "locale",
            why: `locale ${show(value)}`,
          })),
      ),
  };
  t.switchProjectAction = {
    run: projects.switchProjectAction,
    good: () => [a().projectId],
    role: "viewer",
    bad: () =>
      fc.oneof(
        badSessions(t.switchProjectAction as Target),
        badProject(t.switchProjectAction as Target),
      ),
  };
  t.revealEventSecretsAction = {
    run: secrets.revealEventSecretsAction,
    good: () => [a().projectId, a().eventId],
    role: "admin",
    bad: () =>
      fc.oneof(
        badSessions(t.revealEventSecretsAction as Target),
        badProject(t.revealEventSecretsAction as Target),
        badIdAt(t.revealEventSecretsAction as Target, 1, "eventId", "webhook event"),
      ),
  };
}

function valueNotOfString() {
  return fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.constant({}), fc.constant([]));
}

describe("fuzz: server actions", () => {
  const names = [
    "setupAction",
    "loginAction",
    "resendAction",
    "markCheckedAction",
    "uncheckAction",
    "previewRequestAction",
    "updateProjectSettingsAction",
    "createApiKeyAction",
    "revokeApiKeyAction",
    "sendTestRequestAction",
    "sendTestEventAction",
    "rotateSigningSecretAction",
    "planCallAction",
    "playMomentAction",
    "setEventEnabledAction",
    "deleteEventAction",
    "createEventAction",
    "updateEventAction",
    "createInviteAction",
    "revokeInviteAction",
    "changeMemberRoleAction",
    "removeMemberAction",
    "acceptInviteAction",
    "acceptInviteSignUpAction",
    "acceptInviteSignInAction",
    "createProjectAction",
    "switchProjectAction",
    "revealEventSecretsAction",
    "setLocaleAction",
  ];
  for (const name of names) {
    it(name, { timeout: TIMEOUT }, async () => {
      const target = targets()[name];
      if (!target) throw new Error(`no fuzz target for ${name}`);
      await fuzzAction(target);
    });
  }

  it("logoutAction: an unknown session cookie signs nobody out and writes nothing", {
    timeout: TIMEOUT,
  }, async () => {
    const cookies = fc
      .oneof(
        fc.string({ maxLength: 60 }),
        hugeText(200),
        controlText,
        fc.constantFrom(world.a.sessionToken.slice(1), `${world.a.sessionToken}x`),
      )
      .map((session) => ({ input: session, names: "", why: `session ${show(session)}` }));
    await fuzz(cookies, async ({ input }) => {
      jar.session = input;
      jar.deleted = [];
      const error = await auth.logoutAction().then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect((error as { digest?: string }).digest).toMatch(/^NEXT_REDIRECT;.*\/login/);
      expect(jar.deleted).toEqual([SESSION_COOKIE]);
    });
  });

  it("every export of app/_actions is fuzzed", async () => {
    const directory = path.resolve(import.meta.dirname, "../../app/_actions");
    const files = (await readdir(directory)).filter(
      // action-result.ts holds the helpers the actions share: it is no action module.
      (file) => file.endsWith(".ts") && file !== "action-result.ts",
    );
    expect(files.length).toBeGreaterThan(0);
    const exported: string[] = [];
    for (const file of files) {
      const module = (await import(path.join(directory, file))) as Record<string, unknown>;
      exported.push(...Object.keys(module).map((name) => `${file}: ${name}`));
    }
    const fuzzed = new Set([...names, "logoutAction"]);
    expect(exported.filter((entry) => !fuzzed.has(entry.split(": ")[1] ?? ""))).toEqual([]);
    expect(exported.length).toBe(fuzzed.size);
  });
});

describe("fuzz: the error check page's CSV export", () => {
  it("GET /projects/{projectId}/webhooks/errors/export", { timeout: TIMEOUT }, async () => {
    const inputs = fc.oneof(
      fc
        .oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), controlText)
        .map((session) => ({
          input: { projectId: world.a.projectId, session },
          names: "session",
          why: `session ${show(session)}`,
        })),
      badIdArgument("project", { ids: [world.b.projectId, ...world.unknownIds], names: "project" })
        .filter(({ value }) => typeof value === "string")
        .map(({ value, why }) => ({
          input: { projectId: value as string, session: world.a.sessionToken },
          names: "project",
          why,
        })),
    );
    const count = await fuzz(inputs, async (bad) => {
      jar.session = bad.input.session;
      const request = new Request(`http://localhost/projects/x/webhooks/errors/export?status=5xx`);
      const response = await exportRoute.GET(request, {
        params: Promise.resolve({ projectId: bad.input.projectId }),
      });
      const text = await response.text();
      expect(response.status, `${bad.why} → ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${bad.why} → ${text.slice(0, 200)}`).toBeLessThan(500);
      const message = String((JSON.parse(text) as { error: { message: string } }).error.message);
      expect(message.toLowerCase(), bad.why).toContain(bad.names);
    });
    expect(count).toBe(FUZZ_RUNS);
  });
});

describe("action inputs the fuzz found", () => {
  it("revoking a key with a null id names apiKeyId instead of failing on our side", async () => {
    jar.session = world.a.sessionToken;
    const result = await settings.revokeApiKeyAction(world.a.projectId, null as unknown as string);
    expect(result).toMatchObject({ ok: false, fieldErrors: { apiKeyId: expect.any(String) } });
  });

  it("send test with no request and a saved reference fails naming the input, not on our side", async () => {
    jar.session = world.a.sessionToken;
    for (const input of [null, undefined]) {
      const result = await sendTest.sendTestRequestAction(world.a.projectId, input as never, {
        eventId: world.a.eventId,
        requestId: world.a.requestId,
      });
      expect(result).toMatchObject({ ok: false, fieldErrors: { root: expect.any(String) } });
    }
  });

  it("a malformed project id is named, and never reaches the database", async () => {
    jar.session = world.a.sessionToken;
    for (const projectId of ["a\u0000b", "aeAv\udbff8p lo*z", 5]) {
      const result = await settings.updateProjectSettingsAction(projectId as string, {
        name: "x",
        timeZone: "Europe/Kyiv",
        gaMeasurementId: "",
        gaApiSecret: "",
      });
      expect(result).toMatchObject({ ok: false, fieldErrors: { projectId: expect.any(String) } });
    }
  });

  it("member, invite, project and secret actions name the argument that is no id", async () => {
    jar.session = world.a.sessionToken;
    const calls: Array<[string, () => Promise<ActionResult<unknown>>]> = [
      [
        "projectId",
        () =>
          members.createInviteAction("я".repeat(111), { email: "x@example.com", role: "viewer" }),
      ],
      ["inviteId", () => members.revokeInviteAction(world.a.projectId, "a b")],
      [
        "userId",
        () =>
          members.changeMemberRoleAction(world.a.projectId, Number.NaN as never, {
            role: "viewer",
          }),
      ],
      ["userId", () => members.removeMemberAction(world.a.projectId, null as never)],
      ["projectId", () => projects.switchProjectAction("aeAv\udbff8p lo*z")],
      ["eventId", () => secrets.revealEventSecretsAction(world.a.projectId, null as never)],
    ];
    for (const [field, call] of calls) {
      expect(await call()).toMatchObject({
        ok: false,
        fieldErrors: { [field]: expect.any(String) },
      });
    }
  });

  it("an invite token that is no text is named, not failed on our side", async () => {
    jar.session = world.b.sessionToken;
    const results = [
      await members.acceptInviteAction(null as never),
      await members.acceptInviteSignUpAction(Symbol.for("x") as never, {
        name: "New Person",
        password: "correct horse battery",
      }),
      await members.acceptInviteSignInAction(5 as never, { password: "x" }),
    ];
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, fieldErrors: { token: expect.any(String) } });
    }
  });

  it("accepting an invite with a name holding a NUL or a line break is refused, and nobody joins", async () => {
    jar.session = undefined;
    for (const name of ["aTS\u0000v7az", "Olena\nKovalenko", "a\udbffz"]) {
      jar.set = [];
      const result = await members.acceptInviteSignUpAction(world.a.invites.pending.token, {
        name,
        password: "correct horse battery",
      });
      expect(result).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
      expect(jar.set).toEqual([]);
    }
    expect(await db.user.count({ where: { email: "fuzz-a-new@example.com" } })).toBe(0);
  });

  it("the CSV export answers 404 for a project id with a NUL", async () => {
    jar.session = world.a.sessionToken;
    const request = new Request("http://localhost/projects/x/webhooks/errors/export");
    const response = await exportRoute.GET(request, {
      params: Promise.resolve({ projectId: "a\u0000b" }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "Project not found" },
    });
  });
});
