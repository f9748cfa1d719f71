import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { toErrorResponse } from "@/lib/http/errors";
import {
  CALL_TYPES,
  callEventSchema,
  callSchemaFor,
  DISPOSITIONS,
  parseCallForTrigger,
} from "@/lib/model/call-event";
import { callVariablesFor } from "@/lib/model/catalog";
import { SAMPLE_CALLS, sampleCallFor } from "@/lib/model/sample-calls";
import type { TriggerType } from "@/lib/model/trigger-types";

function event(
  type: TriggerType,
  changes: Record<string, unknown> = {},
  body: Record<string, unknown> = {},
) {
  const { occurredAt, call } = sampleCallFor(type);
  return { id: "evt-1", type, occurredAt, call: { ...call, ...changes }, ...body };
}

/** The issues of a rejected body as `path: message` lines, the way the API reports them. */
function problems(body: unknown): string[] {
  const result = callEventSchema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

function parsed(body: unknown) {
  const result = callEventSchema.safeParse(body);
  if (!result.success) throw new Error(problems(body).join("\n"));
  return result.data;
}

describe("call event schema: what is refused, by path", () => {
  it("requires uniqueid in every call", () => {
    const { uniqueid: _, ...call } = sampleCallFor("incoming.answered").call;
    const body = { type: "incoming.answered", occurredAt: "2026-11-27T10:15:26+02:00", call };
    expect(problems(body)).toEqual(["call.uniqueid: required: the call's unique id"]);
    expect(problems(event("incoming.answered", { uniqueid: "" }))).toEqual([
      "call.uniqueid: required: the call's unique id",
    ]);
    expect(problems(event("incoming.answered", { uniqueid: null }))).toEqual([
      "call.uniqueid: expected a string",
    ]);
  });

  it.each([
    ["duration", "abc", "expected a finite number"],
    ["duration", -5, "expected 0 or more"],
    ["billsec", "162", "expected a finite number"],
    ["waittime", true, "expected a finite number"],
    ["has_recording", "yes", "expected true or false"],
    ["has_recording", 1, "expected true or false"],
    ["calldate", "yesterday", "expected an ISO-8601 date-time"],
    ["calldate", "2026-11-27T10:15:04", "expected an ISO-8601 date-time"],
    ["calldate", "2026-02-30T10:15:04+02:00", "expected an ISO-8601 date-time"],
    ["calldate", 1795767304, "expected an ISO-8601 date-time"],
    ["recording", "ftp://x", "expected an absolute http:// or https:// URL"],
    ["recording", "/records/1.mp3", "expected an absolute http:// or https:// URL"],
    ["landing", "https://shop.example.com/a\nb", "expected an absolute http:// or https:// URL"],
    ["caller", 380671234567, "expected a string"],
    ["call_type", "IN", "expected in, out or callback"],
    ["call_type", "incoming", "expected in, out or callback"],
    ["disposition", "answered", "expected one of ANSWERED, NO ANSWER"],
    ["disposition", "NO_ANSWER", "expected one of ANSWERED, NO ANSWER"],
  ])("refuses %s = %j", (field, value, message) => {
    const found = problems(event("incoming.after_call", { [field]: value }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^call\\.${field}: ${message}`));
  });

  it("refuses a catalog variable the trigger type does not carry, even as null", () => {
    expect(problems(event("incoming.before_call", { duration: 12 }))).toEqual([
      "call.duration: not available for Incoming call: before the call",
    ]);
    expect(problems(event("outgoing.after_call", { utm_source: null }))).toEqual([
      "call.utm_source: not available for Outgoing call: after the call",
    ]);
    expect(problems(event("incoming.after_call", { forward_destination: "380509998877" }))).toEqual(
      ["call.forward_destination: not available for Incoming call: after the call"],
    );
  });

  it("shows the API client the field path of the first problem", () => {
    const result = callEventSchema.safeParse(event("incoming.before_call", { duration: 12 }));
    expect(result.success).toBe(false);
    const { status, body } = toErrorResponse(result.error);
    expect(status).toBe(422);
    expect(body.error).toEqual({
      code: "validation_failed",
      message: "call.duration: not available for Incoming call: before the call",
      field: "call.duration",
    });
  });

  it.each(["project_id", "event_type", "event_time", "delivery_id", "ga_api_secret"])(
    "refuses the context variable %s in the call",
    (id) => {
      const found = problems(event("incoming.after_call", { [id]: "from-the-call" }));
      expect(found).toEqual([
        `call.${id}: a context variable: it comes from the project and the delivery, not from the call`,
      ]);
    },
  );

  it("refuses more than 200 fields in the whole call, nested ones included", () => {
    const fields = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, i]));
    const call = { uniqueid: "u-1" };
    const body = (extra: Record<string, unknown>) => ({
      type: "incoming.before_call",
      occurredAt: "2026-11-27T10:15:04+02:00",
      call: { ...call, ...extra },
    });
    expect(problems(body(fields(199)))).toEqual([]);
    expect(problems(body(fields(200)))).toEqual([
      "call: use at most 200 fields (nested fields and list items count too)",
    ]);
    expect(problems(body({ tags: Array.from({ length: 199 }, () => "vip") }))).toEqual([
      "call: use at most 200 fields (nested fields and list items count too)",
    ]);
  });

  it("refuses a string over 8 KiB, counted in UTF-8 bytes, wherever it is", () => {
    const atLimit = "a".repeat(8192);
    expect(
      problems(event("incoming.after_call", { employee_fio: atLimit, note: atLimit })),
    ).toEqual([]);
    expect(problems(event("incoming.after_call", { employee_fio: "я".repeat(4097) }))).toEqual([
      "call.employee_fio: use at most 8 KiB",
    ]);
    expect(problems(event("incoming.after_call", { crm: { notes: [`${atLimit}b`] } }))).toEqual([
      "call.crm.notes.0: use at most 8 KiB",
    ]);
  });

  it("refuses text a database cannot store", () => {
    expect(problems(event("incoming.after_call", { department: "Sales\u0000" }))).toEqual([
      "call.department: contains a NUL character or a broken UTF-16 pair",
    ]);
    expect(problems(event("incoming.after_call", { note: "\ud800" }))).toEqual([
      "call.note: contains a NUL character or a broken UTF-16 pair",
    ]);
    expect(problems(event("incoming.after_call", { employee_fio: "Олена 👩‍💼" }))).toEqual([]);
  });

  it.each([
    ["an array", [{ uniqueid: "u" }]],
    ["a string", "uniqueid=u"],
    ["null", null],
  ])("refuses a call that is %s", (_, call) => {
    expect(
      problems({ type: "incoming.after_call", occurredAt: "2026-11-27T10:18:08+02:00", call }),
    ).toEqual(["call: expected an object of call variables"]);
  });

  it("refuses an unknown top-level field, naming it", () => {
    expect(problems(event("incoming.after_call", {}, { callId: "x" }))).toEqual([
      ': unknown field "callId": the body has id, type, occurredAt and call',
    ]);
  });

  it.each([
    ["yesterday"],
    ["2026-11-27T10:18:08"],
    ["2026-11-27 10:18:08+02:00"],
    [1795767488],
    [undefined],
  ])("refuses occurredAt = %j", (occurredAt) => {
    expect(problems(event("incoming.after_call", {}, { occurredAt }))).toEqual([
      "occurredAt: expected an ISO-8601 date-time with an offset, like 2026-11-27T10:15:04+02:00",
    ]);
  });

  it("refuses an unknown or missing trigger type, and a body that is not an object", () => {
    const types =
      "expected one of incoming.before_call, incoming.answered, incoming.forwarded, incoming.after_call, incoming.after_evaluation, outgoing.before_call, outgoing.after_call";
    expect(problems(event("incoming.after_call", {}, { type: "incoming.hangup" }))).toEqual([
      `type: ${types}`,
    ]);
    expect(problems(event("incoming.after_call", {}, { type: undefined }))).toEqual([
      `type: ${types}`,
    ]);
    expect(problems([])).toEqual([": expected a JSON object with type, occurredAt and call"]);
  });

  it.each([[""], ["x".repeat(201)], [42]])("refuses id = %j", (id) => {
    expect(problems(event("incoming.after_call", {}, { id }))).toHaveLength(1);
    expect(problems(event("incoming.after_call", {}, { id }))[0]).toMatch(/^id: /);
  });
});

describe("call event schema: what is accepted", () => {
  it("keeps unknown extra call fields as they came", () => {
    const extra = {
      crm_lead_id: "L-4411",
      tags: ["vip", "black friday"],
      Duration: "n/a",
      nested: { a: 1 },
    };
    const { call } = parsed(event("incoming.after_call", extra));
    expect(call).toMatchObject(extra);
  });

  it("drops a __proto__ field without touching any prototype", () => {
    const raw = JSON.parse(`{"uniqueid":"u-1","__proto__":{"polluted":true}}`);
    const call = parseCallForTrigger("incoming.before_call", raw);
    expect(Object.getPrototypeOf(call)).toBe(Object.prototype);
    expect("polluted" in call).toBe(false);
    expect(Object.keys(call)).toEqual(["uniqueid"]);
  });

  it("accepts null for every variable except uniqueid", () => {
    const type = "incoming.after_evaluation";
    const nulls = Object.fromEntries(callVariablesFor(type).map((v) => [v.id, null]));
    const { call } = parsed(event(type, { ...nulls, uniqueid: "u-1" }));
    expect(call).toEqual({ ...nulls, uniqueid: "u-1" });
  });

  it("accepts a call with nothing but its uniqueid and the id left out", () => {
    const body = {
      type: "outgoing.before_call",
      occurredAt: "2026-11-27T09:02:40Z",
      call: { uniqueid: "u-2" },
    };
    expect(parsed(body)).toEqual({
      type: "outgoing.before_call",
      occurredAt: "2026-11-27T09:02:40.000Z",
      call: { uniqueid: "u-2" },
    });
  });

  it.each(DISPOSITIONS)("accepts the disposition %s", (disposition) => {
    expect(parsed(event("incoming.after_call", { disposition })).call.disposition).toBe(
      disposition,
    );
  });

  it.each(CALL_TYPES)("accepts the call type %s", (callType) => {
    expect(parsed(event("outgoing.after_call", { call_type: callType })).call.call_type).toBe(
      callType,
    );
  });

  it("normalises dates to UTC ISO strings and keeps every other value as sent", () => {
    const body = event("incoming.after_call");
    const result = parsed(body);
    expect(result.occurredAt).toBe("2026-11-27T08:18:08.000Z");
    expect(result.call.calldate).toBe("2026-11-27T08:15:04.000Z");
    const { calldate: _, ...rest } = SAMPLE_CALLS["incoming.after_call"].call;
    expect(result.call).toMatchObject(rest);
    expect(
      parsed(event("incoming.after_call", { calldate: "2026-11-27T08:15:04.5Z" })).call.calldate,
    ).toBe("2026-11-27T08:15:04.500Z");
  });

  it("accepts an http URL with a port, and zero or fractional seconds", () => {
    const call = {
      recording: "http://11.111.111.11:8080/rec/1.mp3",
      duration: 0,
      billsec: 0,
      waittime: 0.5,
    };
    expect(parsed(event("incoming.after_call", call)).call).toMatchObject(call);
  });

  it("gives the same call back when a parsed call is parsed again", () => {
    const once = parseCallForTrigger(
      "incoming.after_call",
      SAMPLE_CALLS["incoming.after_call"].call,
    );
    expect(callSchemaFor("incoming.after_call").parse(once)).toEqual(once);
  });

  it("reports paths inside the call when the call is parsed on its own", () => {
    expect(() =>
      parseCallForTrigger("incoming.before_call", { uniqueid: "u", duration: 1 }),
    ).toThrow(ZodError);
    const result = callSchemaFor("incoming.before_call").safeParse({ uniqueid: "u", duration: 1 });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["duration"]]);
  });
});
