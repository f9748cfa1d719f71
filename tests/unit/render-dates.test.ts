// Expected dates come from GNU date (`TZ=Europe/Kyiv date -d … '+%FT%T%:z'`, `date +%s%3N`),
// an implementation independent of the Intl code under test.
import { describe, expect, it } from "vitest";
import { type DateFormat, webhookRequestSchema } from "@/lib/model/event-schema";
import { type CallData, type RenderContext, renderRequest } from "@/lib/render";
import { formatInstant, parseInstant } from "@/lib/render/dates";

const WINTER = "2026-11-29T08:15:04Z"; // Kyiv is on EET, +02:00
const SUMMER = "2026-07-14T21:30:00.789Z"; // Kyiv is on EEST, +03:00, and already the next day

const CONTEXT: RenderContext = {
  projectId: "p",
  timeZone: "Europe/Kyiv",
  eventType: "incoming.after_call",
  eventTime: SUMMER,
  deliveryId: "d",
};

function renderDates(dateFormat: DateFormat, format: "json" | "form", call: Partial<CallData>) {
  const request = webhookRequestSchema.parse({
    url: "https://crm.example.com/hooks",
    method: "POST",
    format,
    dateFormat,
    params: [
      { name: "call", type: "text", value: "{{calldate}}" },
      { name: "event", type: "text", value: "{{event_time}}" },
      { name: "text", type: "text", value: "at {{calldate}}" },
    ],
  });
  return new TextDecoder().decode(renderRequest(request, call, CONTEXT).body ?? new Uint8Array());
}

describe("date formats in the project's zone, winter and summer", () => {
  it.each([
    [
      "standard",
      '{"call":"2026-11-29 10:15:04","event":"2026-07-15 00:30:00","text":"at 2026-11-29 10:15:04"}',
    ],
    [
      "iso8601",
      '{"call":"2026-11-29T10:15:04+02:00","event":"2026-07-15T00:30:00+03:00","text":"at 2026-11-29T10:15:04+02:00"}',
    ],
    ["unix", '{"call":1795940104,"event":1784064600,"text":"at 1795940104"}'],
    ["unix_ms", '{"call":1795940104000,"event":1784064600789,"text":"at 1795940104000"}'],
    [
      "dmy",
      '{"call":"29.11.2026 10:15:04","event":"15.07.2026 00:30:00","text":"at 29.11.2026 10:15:04"}',
    ],
  ] as const)("%s", (dateFormat, expected) => {
    expect(renderDates(dateFormat, "json", { calldate: WINTER })).toBe(expected);
  });

  it("unix dates are numbers in json and digits in form", () => {
    expect(renderDates("unix", "form", { calldate: WINTER })).toBe(
      "call=1795940104&event=1784064600&text=at+1795940104",
    );
    expect(renderDates("iso8601", "form", { calldate: WINTER })).toBe(
      "call=2026-11-29T10%3A15%3A04%2B02%3A00&event=2026-07-15T00%3A30%3A00%2B03%3A00" +
        "&text=at+2026-11-29T10%3A15%3A04%2B02%3A00",
    );
  });

  it("reads the call's date with any offset, or without one as the project's local time", () => {
    const expected = '{"call":"2026-11-29T10:15:04+02:00",';
    for (const calldate of [
      "2026-11-29T10:15:04+02:00",
      "2026-11-29T10:15:04+0200",
      "2026-11-29T03:15:04-05:00",
      "2026-11-29T08:15:04.000Z",
      "2026-11-29 08:15:04z",
      "2026-11-29 10:15:04",
      "2026-11-29T10:15:04",
    ]) {
      expect(renderDates("iso8601", "json", { calldate }), calldate).toMatch(
        new RegExp(`^${escapeRegExp(expected)}`),
      );
    }
  });

  it("takes a Date as the event time", () => {
    const context = { ...CONTEXT, eventTime: new Date(SUMMER) };
    const request = webhookRequestSchema.parse({
      url: "https://crm.example.com/hooks",
      method: "POST",
      dateFormat: "unix_ms",
      params: [{ name: "event", type: "text", value: "{{event_time}}" }],
    });
    const body = renderRequest(request, {}, context).body ?? new Uint8Array();
    expect(new TextDecoder().decode(body)).toBe('{"event":1784064600789}');
  });

  it("passes an unreadable date on as it came, and an absent one as null", () => {
    expect(renderDates("unix", "json", { calldate: "yesterday" })).toBe(
      '{"call":"yesterday","event":1784064600,"text":"at yesterday"}',
    );
    expect(renderDates("unix", "json", { calldate: "2026-02-30T10:00:00Z" })).toBe(
      '{"call":"2026-02-30T10:00:00Z","event":1784064600,"text":"at 2026-02-30T10:00:00Z"}',
    );
    expect(renderDates("standard", "json", {})).toBe(
      '{"call":null,"event":"2026-07-15 00:30:00","text":"at "}',
    );
  });
});

describe("formatInstant", () => {
  const at = (iso: string) => Date.parse(iso);

  it("follows the DST switches of Europe/Kyiv", () => {
    const kyiv = (iso: string) => formatInstant(at(iso), "iso8601", "Europe/Kyiv");
    expect(kyiv("2026-03-29T00:59:59Z")).toBe("2026-03-29T02:59:59+02:00");
    expect(kyiv("2026-03-29T01:00:00Z")).toBe("2026-03-29T04:00:00+03:00");
    expect(kyiv("2026-10-25T00:59:59Z")).toBe("2026-10-25T03:59:59+03:00");
    expect(kyiv("2026-10-25T01:00:00Z")).toBe("2026-10-25T03:00:00+02:00");
  });

  it("writes UTC as +00:00 and keeps negative half-hour offsets", () => {
    expect(formatInstant(at(WINTER), "iso8601", "UTC")).toBe("2026-11-29T08:15:04+00:00");
    expect(formatInstant(at("2026-01-15T12:00:00Z"), "iso8601", "America/St_Johns")).toBe(
      "2026-01-15T08:30:00-03:30",
    );
  });

  it("truncates milliseconds in text and floors unix seconds", () => {
    expect(formatInstant(at(SUMMER), "standard", "UTC")).toBe("2026-07-14 21:30:00");
    expect(formatInstant(at(SUMMER), "unix", "UTC")).toBe(1784064600);
    expect(formatInstant(at("1969-12-31T23:59:59.500Z"), "unix", "UTC")).toBe(-1);
  });

  it("pads years before 1000 and shows midnight as 00", () => {
    expect(formatInstant(at("0999-01-02T00:00:00Z"), "dmy", "UTC")).toBe("02.01.0999 00:00:00");
  });
});

describe("parseInstant", () => {
  it("resolves local times around the DST switches", () => {
    // As JS Date and Temporal read them: 03:30 happens twice on 2026-10-25 in Kyiv, and the
    // earlier one (still EEST) is taken; 03:30 never happens on 2026-03-29, and it is read on
    // the offset before the jump (EET), which shows as 04:30 EEST.
    expect(parseInstant("2026-10-25 03:30:00", "Europe/Kyiv")).toBe(
      Date.parse("2026-10-25T00:30:00Z"),
    );
    expect(parseInstant("2026-10-25 04:30:00", "Europe/Kyiv")).toBe(
      Date.parse("2026-10-25T02:30:00Z"),
    );
    expect(parseInstant("2026-03-29 03:30:00", "Europe/Kyiv")).toBe(
      Date.parse("2026-03-29T01:30:00Z"),
    );
    expect(parseInstant("2026-03-29 02:30:00", "Europe/Kyiv")).toBe(
      Date.parse("2026-03-29T00:30:00Z"),
    );
    expect(parseInstant("2026-07-15", "Europe/Kyiv")).toBe(Date.parse("2026-07-14T21:00:00Z"));
  });

  it("reads years before 100 literally", () => {
    expect(parseInstant("0042-03-04T05:06:07Z", "UTC")).toBe(Date.parse("0042-03-04T05:06:07Z"));
  });

  it("refuses what is not a date", () => {
    for (const text of [
      "",
      "2026-13-01",
      "2026-11-29T24:00:00Z",
      "2026-11-29T10:00:00+25:00",
      "29.11.2026",
    ]) {
      expect(parseInstant(text, "UTC"), text).toBeNull();
    }
    expect(parseInstant(new Date(Number.NaN), "UTC")).toBeNull();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
