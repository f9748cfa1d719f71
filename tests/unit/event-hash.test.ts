import { describe, expect, it } from "vitest";
import { callEventHash, canonicalJson } from "@/lib/dispatch/event-hash";
import type { CallEvent } from "@/lib/model/call-event";

// The canonical text as the first version built it (entries, filter, sort with `<`): hashes
// already stored were made from this text, so the faster builder must give the same.
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${reference(field)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

describe("canonical JSON of a call event", () => {
  const values: unknown[] = [
    null,
    0,
    -1.5e-7,
    'text with "quotes" and \u2028',
    true,
    [],
    {},
    [1, undefined, null, { b: 1, a: [2, { d: null, c: "x" }] }],
    { z: 1, a: undefined, é: 2, E: 3, "10": 4, "9": 5, "": 6, "😀": 7, "\uffff": 8 },
    { nested: { deeper: { deepest: [{ y: 1, x: 2 }] } }, list: [[], [[]], {}] },
  ];
  it.each(values.map((value) => [JSON.stringify(value) ?? "undefined", value]))(
    "is the reference text for %s",
    (_label, value) => {
      expect(canonicalJson(value)).toBe(reference(value));
    },
  );

  it("hashes two posts of one event alike whatever their key order", () => {
    const event: CallEvent = {
      id: "e-1",
      type: "incoming.after_call",
      occurredAt: "2026-12-01T10:00:00.000Z",
      call: { uniqueid: "u-1", caller: "380671234567", extra: { b: 1, a: 2 } },
    };
    const reordered: CallEvent = {
      call: { extra: { a: 2, b: 1 }, caller: "380671234567", uniqueid: "u-1" },
      occurredAt: "2026-12-01T10:00:00.000Z",
      type: "incoming.after_call",
      id: "e-1",
    };
    expect(callEventHash(reordered)).toBe(callEventHash(event));
    expect(callEventHash({ ...event, call: { ...event.call, caller: "380671234568" } })).not.toBe(
      callEventHash(event),
    );
  });
});
