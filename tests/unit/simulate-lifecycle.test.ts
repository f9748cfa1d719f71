import { describe, expect, it } from "vitest";
import { callEventSchema } from "@/lib/model/call-event";
import { callVariablesFor } from "@/lib/model/catalog";
import {
  buildCallLifecycle,
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  type CallDirection,
  type CallOutcome,
  type LifecycleOptions,
  lifecycleEventId,
  newCallId,
} from "@/lib/simulator/lifecycle";

const START = new Date("2026-11-29T08:00:00.000Z");
const UNIQUEID = "1795939200.000000042";

function options(direction: CallDirection, outcome: CallOutcome): LifecycleOptions {
  return {
    direction,
    caller: direction === "incoming" ? "380501112233" : "380440001122",
    number: direction === "incoming" ? "380440001122" : "380501112233",
    employee: { number: "207", name: "Марія Бондар" },
    department: "Підтримка",
    outcome,
  };
}

function play(direction: CallDirection, outcome: CallOutcome) {
  return buildCallLifecycle(options(direction, outcome), { uniqueid: UNIQUEID, start: START });
}

const COMBINATIONS = CALL_DIRECTIONS.flatMap((direction) =>
  CALL_OUTCOMES.map((outcome) => [direction, outcome] as const),
);

describe("call lifecycle: the events the platform posts for one call", () => {
  it.each([
    ["answered", ["incoming.before_call", "incoming.answered", "incoming.after_call"]],
    ["no_answer", ["incoming.before_call", "incoming.after_call"]],
    ["busy", ["incoming.before_call", "incoming.after_call"]],
    [
      "forwarded",
      ["incoming.before_call", "incoming.answered", "incoming.forwarded", "incoming.after_call"],
    ],
    [
      "evaluated",
      [
        "incoming.before_call",
        "incoming.answered",
        "incoming.after_call",
        "incoming.after_evaluation",
      ],
    ],
  ] as const)("incoming %s → %j", (outcome, types) => {
    expect(play("incoming", outcome).map((e) => e.type)).toEqual(types);
  });

  it.each(CALL_OUTCOMES)("outgoing %s → before the call, after the call", (outcome) => {
    expect(play("outgoing", outcome).map((e) => e.type)).toEqual([
      "outgoing.before_call",
      "outgoing.after_call",
    ]);
  });

  it.each(COMBINATIONS)("%s %s: every event parses with the call schema", (direction, outcome) => {
    for (const event of play(direction, outcome)) {
      const result = callEventSchema.safeParse(event);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    }
  });

  it.each(COMBINATIONS)(
    "%s %s: each call carries exactly the variables of its type",
    (direction, outcome) => {
      for (const event of play(direction, outcome)) {
        const expected = callVariablesFor(event.type).map((v) => v.id);
        expect([event.type, Object.keys(event.call).sort()]).toEqual([
          event.type,
          [...expected].sort(),
        ]);
      }
    },
  );

  it.each(COMBINATIONS)(
    "%s %s: one call id, stable idempotency ids, times increasing from the start",
    (direction, outcome) => {
      const events = play(direction, outcome);
      expect(new Set(events.map((e) => e.call.uniqueid))).toEqual(new Set([UNIQUEID]));
      expect(events.map((e) => e.id)).toEqual(
        events.map((e) => lifecycleEventId(UNIQUEID, e.type)),
      );
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      const times = events.map((e) => Date.parse(e.occurredAt));
      expect(times[0]).toBe(START.getTime());
      for (let i = 1; i < times.length; i += 1) {
        expect(times[i]).toBeGreaterThan(times[i - 1] as number);
      }
      for (const event of events) expect(event.call.calldate).toBe(START.toISOString());
      // The same inputs give the same events: a step can be posted again safely.
      expect(play(direction, outcome)).toEqual(events);
    },
  );

  it.each(COMBINATIONS)(
    "%s %s: the parties and the employee are the ones chosen",
    (direction, outcome) => {
      const chosen = options(direction, outcome);
      for (const { call } of play(direction, outcome)) {
        expect(call.caller).toBe(chosen.caller);
        expect(call.dst).toBe(chosen.number);
        expect(call.call_type).toBe(direction === "incoming" ? "in" : "out");
        if ("employee_fio" in call) {
          expect(call.employee_fio).toBe("Марія Бондар");
          expect(call.employee_number).toBe("207");
          expect(call.department).toBe("Підтримка");
        }
      }
    },
  );

  it.each([
    ["incoming", "answered", "ANSWERED"],
    ["incoming", "forwarded", "ANSWERED"],
    ["incoming", "evaluated", "ANSWERED"],
    ["incoming", "no_answer", "NO ANSWER"],
    ["incoming", "busy", "BUSY"],
    ["outgoing", "answered", "ANSWERED"],
    ["outgoing", "no_answer", "NO ANSWER"],
    ["outgoing", "busy", "BUSY"],
  ] as const)(
    "%s %s ends %s with consistent durations and recording",
    (direction, outcome, disposition) => {
      const events = play(direction, outcome);
      const after = events.find((e) => e.type.endsWith("after_call"));
      if (!after) throw new Error("no after-call event");
      const { call } = after;
      expect(call.disposition).toBe(disposition);
      const { duration, billsec, waittime } = call as Record<string, number>;
      expect(duration).toBe((waittime as number) + (billsec as number));
      if (disposition === "ANSWERED") {
        expect(billsec).toBeGreaterThan(0);
        expect(call.has_recording).toBe(true);
        expect(String(call.recording)).toContain(UNIQUEID);
      } else {
        expect(billsec).toBe(0);
        expect(call.has_recording).toBe(false);
        expect(call.recording).toBeNull();
      }
      // The call has ended by the time "after the call" is posted.
      expect(Date.parse(after.occurredAt)).toBe(START.getTime() + (duration as number) * 1000);
    },
  );

  it("keeps the waiting time from pick-up on and picks up when the waiting ends", () => {
    const events = play("incoming", "evaluated");
    const answered = events.find((e) => e.type === "incoming.answered");
    const waits = events.filter((e) => "waittime" in e.call).map((e) => e.call.waittime);
    expect(new Set(waits).size).toBe(1);
    expect(Date.parse(answered?.occurredAt ?? "")).toBe(
      START.getTime() + (waits[0] as number) * 1000,
    );
  });

  it("forwards during the talk and evaluates the chosen employee after hanging up", () => {
    const forwarded = play("incoming", "forwarded").find((e) => e.type === "incoming.forwarded");
    expect(forwarded?.call.forward_destination).toMatch(/^380\d{9}$/);
    const evaluation = play("incoming", "evaluated").at(-1);
    expect(evaluation?.type).toBe("incoming.after_evaluation");
    expect(evaluation?.call.evaluating_employee).toBe("Марія Бондар");
    expect(evaluation?.call.category_value).toBe(5);
  });

  it("honours the timing it is given, with a second at least per phase", () => {
    const [, answered, after] = buildCallLifecycle(options("incoming", "answered"), {
      uniqueid: UNIQUEID,
      start: START,
      timing: { ringSeconds: 7, talkSeconds: 40 },
    });
    expect(answered?.call.waittime).toBe(7);
    expect(after?.call).toMatchObject({ waittime: 7, billsec: 40, duration: 47 });

    const tiny = buildCallLifecycle(options("incoming", "forwarded"), {
      uniqueid: UNIQUEID,
      start: START,
      timing: { ringSeconds: 0, talkSeconds: 0 },
    });
    const times = tiny.map((e) => Date.parse(e.occurredAt));
    expect(new Set(times).size).toBe(times.length);
  });
});

describe("newCallId", () => {
  it("looks like the platform's call ids: start seconds, a dot, a sequence", () => {
    expect(newCallId(START, () => 0.000123)).toBe("1795939200.000123000");
    expect(newCallId(START)).toMatch(/^1795939200\.\d{9}$/);
  });

  it("gives calls started in the same second different ids", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newCallId(START)));
    expect(ids.size).toBe(200);
  });
});
