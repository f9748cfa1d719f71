import { describe, expect, it } from "vitest";
import { CALL_TYPES, callEventSchema, callSchemaFor, DISPOSITIONS } from "@/lib/model/call-event";
import { CATALOG, type CatalogVariable, callVariablesFor } from "@/lib/model/catalog";
import { SAMPLE_CALLS, sampleCallFor } from "@/lib/model/sample-calls";
import { TRIGGER_TYPES, type TriggerType } from "@/lib/model/trigger-types";

const INCOMING_FLOW: TriggerType[] = [
  "incoming.before_call",
  "incoming.answered",
  "incoming.forwarded",
  "incoming.after_call",
  "incoming.after_evaluation",
];
const OUTGOING_FLOW: TriggerType[] = ["outgoing.before_call", "outgoing.after_call"];
const OFFSET_DATE = /^2026-11-\d\dT\d\d:\d\d:\d\d\+02:00$/;

// Checks a value against its catalog type without going through the schema under test.
function matchesCatalogType(variable: CatalogVariable, value: unknown): boolean {
  switch (variable.type) {
    case "string":
      return typeof value === "string" && value.length > 0;
    case "number":
      return typeof value === "number" && Number.isFinite(value) && value >= 0;
    case "boolean":
      return typeof value === "boolean";
    case "date":
      return (
        typeof value === "string" && OFFSET_DATE.test(value) && !Number.isNaN(Date.parse(value))
      );
    case "url":
      return typeof value === "string" && /^https?:\/\/[^/\s]+/.test(value) && URL.canParse(value);
  }
}

function sample(type: TriggerType) {
  return SAMPLE_CALLS[type].call;
}

function seconds(iso: string): number {
  return Date.parse(iso) / 1000;
}

describe("sample calls: contract with the catalog and the schema", () => {
  it.each(TRIGGER_TYPES)("%s parses as a call event of its type", (type) => {
    const { occurredAt, call } = SAMPLE_CALLS[type];
    const result = callEventSchema.safeParse({ id: `sample-${type}`, type, occurredAt, call });
    expect(result.success ? [] : result.error.issues).toEqual([]);
    expect(callSchemaFor(type).safeParse(call).success).toBe(true);
  });

  it.each(TRIGGER_TYPES)("%s carries exactly the call variables of its type", (type) => {
    const expected = callVariablesFor(type).map((v) => v.id);
    expect(Object.keys(sample(type)).sort()).toEqual([...expected].sort());
  });

  it.each(TRIGGER_TYPES)("%s gives every value its catalog type", (type) => {
    const wrong = callVariablesFor(type).filter((v) => !matchesCatalogType(v, sample(type)[v.id]));
    expect(wrong.map((v) => `${v.id}=${JSON.stringify(sample(type)[v.id])}`)).toEqual([]);
  });

  it("never carries a context variable", () => {
    const context = CATALOG.filter((v) => v.source === "context").map((v) => v.id);
    expect(context.length).toBeGreaterThan(0);
    for (const type of TRIGGER_TYPES) {
      expect(Object.keys(sample(type)).filter((id) => context.includes(id))).toEqual([]);
    }
  });

  it("shows every call variable of the catalog in at least one sample", () => {
    const shown = new Set(TRIGGER_TYPES.flatMap((type) => Object.keys(sample(type))));
    const missing = CATALOG.filter((v) => v.source === "call" && !shown.has(v.id)).map((v) => v.id);
    expect(missing).toEqual([]);
  });

  it("uses the platform's call types and dispositions", () => {
    for (const type of TRIGGER_TYPES) {
      const call = sample(type);
      expect(CALL_TYPES).toContain(call.call_type);
      if ("disposition" in call) expect(DISPOSITIONS).toContain(call.disposition);
    }
    expect(INCOMING_FLOW.map((t) => sample(t).call_type)).toEqual(INCOMING_FLOW.map(() => "in"));
    expect(OUTGOING_FLOW.map((t) => sample(t).call_type)).toEqual(["out", "out"]);
  });
});

describe("sample calls: one realistic call flow each way", () => {
  it("keeps one uniqueid and start per flow, different between the flows", () => {
    const incoming = new Set(INCOMING_FLOW.map((t) => sample(t).uniqueid));
    const outgoing = new Set(OUTGOING_FLOW.map((t) => sample(t).uniqueid));
    expect(incoming.size).toBe(1);
    expect(outgoing.size).toBe(1);
    expect([...incoming][0]).not.toBe([...outgoing][0]);
    expect(new Set(INCOMING_FLOW.map((t) => sample(t).calldate)).size).toBe(1);
    expect(new Set(OUTGOING_FLOW.map((t) => sample(t).calldate)).size).toBe(1);
  });

  it("has the moments of each flow in time order, from the call's start", () => {
    for (const flow of [INCOMING_FLOW, OUTGOING_FLOW]) {
      const times = flow.map((t) => seconds(SAMPLE_CALLS[t].occurredAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(times).size).toBe(times.length);
      expect(times[0]).toBe(seconds(String(sample(flow[0] as TriggerType).calldate)));
    }
  });

  it.each(["incoming.after_call", "incoming.after_evaluation", "outgoing.after_call"] as const)(
    "%s: duration = waiting + talk time, and the call ended by the event",
    (type) => {
      const call = sample(type);
      const { duration, billsec, waittime } = call as Record<string, number>;
      expect(duration).toBeGreaterThanOrEqual(billsec as number);
      expect(duration).toBe((waittime as number) + (billsec as number));
      const end = seconds(String(call.calldate)) + (duration as number);
      expect(seconds(SAMPLE_CALLS[type].occurredAt)).toBeGreaterThanOrEqual(end);
      expect(call.has_recording).toBe(true);
      expect(String(call.recording)).toContain(String(call.uniqueid));
    },
  );

  it("keeps the waiting time the same from pick-up on", () => {
    const waits = INCOMING_FLOW.slice(1).map((t) => sample(t).waittime);
    expect(new Set(waits).size).toBe(1);
  });

  it("dates every sample in late November 2026 at +02:00", () => {
    for (const type of TRIGGER_TYPES) {
      const { occurredAt, call } = SAMPLE_CALLS[type];
      for (const date of [occurredAt, call.calldate]) {
        expect(date).toMatch(OFFSET_DATE);
        expect(Number((date as string).slice(8, 10))).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it("looks like Ukrainian call-tracking data, with Cyrillic text", () => {
    const after = sample("incoming.after_evaluation");
    expect(after.caller).toMatch(/^380\d{9}$/);
    expect(after.dst).toMatch(/^380\d{9}$/);
    expect(sample("incoming.forwarded").forward_destination).toMatch(/^380\d{9}$/);
    expect(after.client_id).toMatch(/^\d{10}\.\d{10}$/);
    expect(after.employee_fio).toBe("Олена Коваленко");
    expect(after.scheme_name).toMatch(/[А-яІіЇїЄєҐґ]/);
    expect(after.evaluating_employee).toBe(after.employee_fio);
    // The outgoing call rings the client back from the tracked line.
    expect(sample("outgoing.after_call").dst).toBe(after.caller);
  });
});

describe("sampleCallFor", () => {
  it("returns a copy that can be changed without touching the shared samples", () => {
    const copy = sampleCallFor("incoming.after_call");
    expect(copy).toEqual(SAMPLE_CALLS["incoming.after_call"]);
    copy.call.duration = 1;
    copy.occurredAt = "2026-11-28T00:00:00+02:00";
    expect(SAMPLE_CALLS["incoming.after_call"].call.duration).toBe(184);
    expect(SAMPLE_CALLS["incoming.after_call"].occurredAt).toBe("2026-11-27T10:18:08+02:00");
  });

  it("shares frozen samples, so no caller can change them by accident", () => {
    expect(Object.isFrozen(SAMPLE_CALLS["incoming.before_call"].call)).toBe(true);
    expect(() => {
      (SAMPLE_CALLS["incoming.before_call"].call as Record<string, unknown>).caller = "x";
    }).toThrow(TypeError);
  });
});
