import { describe, expect, it } from "vitest";
import { parseChartQuery, parseDeliveryQuery } from "@/lib/delivery-log/api-query";
import { csvField } from "@/lib/delivery-log/csv-format";
import { decodeCursor, encodeCursor } from "@/lib/delivery-log/cursor";
import {
  filterToSearchParams,
  parseBulkTarget,
  parseDeliveryFilter,
  withoutCursor,
} from "@/lib/delivery-log/filters";
import { type ResendState, resendRefusal } from "@/lib/delivery-log/resend-rules";
import { wordsOf } from "@/lib/i18n/catalog-words";

const CURSOR = encodeCursor({ createdAt: new Date("2026-11-28T10:00:00.123Z"), id: "cmabc123" });

describe("parseDeliveryFilter (page URL)", () => {
  it("keeps every valid filter, typed", () => {
    const { filter, dropped } = parseDeliveryFilter(
      new URLSearchParams({
        from: "2026-11-01",
        to: "2026-11-28T10:00:00+02:00",
        eventId: "cmevent1",
        requestId: "cmrequest1",
        status: "5xx",
        q: "  crm.example.com ",
        includeChecked: "true",
        result: "all",
        cursor: CURSOR,
      }),
    );
    expect(dropped).toEqual([]);
    expect(filter).toEqual({
      from: "2026-11-01",
      to: "2026-11-28T10:00:00+02:00",
      eventId: "cmevent1",
      requestId: "cmrequest1",
      status: "5xx",
      q: "crm.example.com",
      includeChecked: true,
      result: "all",
      cursor: CURSOR,
    });
  });

  it("drops invalid values and names them, ignores empty and unknown parameters", () => {
    const { filter, dropped } = parseDeliveryFilter({
      from: "2026-02-30",
      to: "yesterday",
      status: "7xx",
      eventId: "../etc",
      includeChecked: "maybe",
      result: "some",
      cursor: "bm90IGEgY3Vyc29y",
      q: "",
      view: "full",
      requestId: ["cmfirst", "cmsecond"],
    });
    expect(filter).toEqual({ requestId: "cmfirst" });
    expect(dropped.sort()).toEqual(
      ["cursor", "eventId", "from", "includeChecked", "result", "status", "to"].sort(),
    );
    expect(parseDeliveryFilter(undefined)).toEqual({ filter: {}, dropped: [] });
  });

  it("round-trips through URL search parameters", () => {
    const filter = {
      status: "timeout",
      q: "a&b=c",
      includeChecked: true,
      from: "2026-11-01",
    } as const;
    const params = filterToSearchParams(filter);
    expect(params.toString()).toBe(
      "from=2026-11-01&status=timeout&q=a%26b%3Dc&includeChecked=true",
    );
    expect(parseDeliveryFilter(params).filter).toEqual(filter);
    expect(filterToSearchParams({ includeChecked: false }).toString()).toBe("");
    expect(withoutCursor({ status: "dns", cursor: CURSOR })).toEqual({ status: "dns" });
  });
});

describe("cursor", () => {
  it("decodes what it encoded and nothing else", () => {
    expect(decodeCursor(CURSOR)).toEqual({
      createdAt: new Date("2026-11-28T10:00:00.123Z"),
      id: "cmabc123",
    });
    for (const bad of [
      "",
      "!!!",
      btoa("[1,2]"),
      btoa('["2026-11-28","x"]'),
      btoa('["2026-11-28T10:00:00.000Z","a b"]'),
    ]) {
      expect(decodeCursor(bad.replace(/=+$/, ""))).toBeNull();
    }
  });
});

describe("parseDeliveryQuery (API)", () => {
  const parse = (query: string, paging = true) =>
    parseDeliveryQuery(new URLSearchParams(query), { paging });

  it("reads the filter and the limit", () => {
    expect(parse("status=dns&limit=10&q=")).toEqual({ filter: { status: "dns" }, limit: 10 });
    expect(parse("").limit).toBe(50);
  });

  it("throws a 422 naming the parameter", () => {
    const field = (query: string, paging = true) => {
      try {
        parse(query, paging);
      } catch (error) {
        const e = error as { field?: string; issues?: Array<{ path: string[] }> };
        return e.field ?? e.issues?.[0]?.path.join(".");
      }
      return "no error";
    };
    expect(field("limit=0")).toBe("limit");
    expect(field("limit=2.5")).toBe("limit");
    expect(field("limit=10", false)).toBe("limit");
    expect(field("page=2")).toBe("page");
    expect(field("q=a&q=b")).toBe("q");
    expect(field("from=tomorrow")).toBe("from");
    expect(field(`q=${"x".repeat(201)}`)).toBe("q");
  });

  it("reads the chart's range", () => {
    expect(parseChartQuery(new URLSearchParams("from=2026-11-28&eventId=cm1"))).toEqual({
      from: "2026-11-28",
      eventId: "cm1",
    });
    expect(() => parseChartQuery(new URLSearchParams("status=5xx"))).toThrow(/unknown/);
  });
});

describe("parseBulkTarget", () => {
  it("takes { ids } or { filter }", () => {
    expect(parseBulkTarget({ ids: ["cm1", "cm2"] })).toEqual({ ids: ["cm1", "cm2"] });
    expect(parseBulkTarget({ filter: { status: "tls", includeChecked: false } })).toEqual({
      filter: { status: "tls", includeChecked: false },
    });
    expect(() => parseBulkTarget({ ids: [] })).toThrow();
    expect(() =>
      parseBulkTarget({ ids: Array.from({ length: 1001 }, (_, i) => `cm${i}`) }),
    ).toThrow();
    expect(() => parseBulkTarget({ filter: { status: "nope" } })).toThrow();
    expect(() => parseBulkTarget(undefined)).toThrow();
  });
});

describe("csvField", () => {
  it("quotes per RFC 4180 and defuses formulas, leaving numbers alone", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(502)).toBe("502");
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then\r\nbye')).toBe('"say ""hi"", then\r\nbye"');
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-2+3,x")).toBe(`"'-2+3,x"`);
    expect(csvField("+380671234567")).toBe("+380671234567");
    expect(csvField("-12.5")).toBe("-12.5");
  });
});

/** The refusal as the API words it. */
function said(state: ResendState): string | null {
  const refusal = resendRefusal(state);
  return refusal && wordsOf("en", "resendRefusal", refusal);
}

describe("resendRefusal", () => {
  const failed = {
    status: "failed",
    hasSnapshot: true,
    hasRequest: true,
    pausedAt: null,
    pausedReason: null,
  };
  it("allows a failed delivery with something to send and an active request", () => {
    expect(resendRefusal(failed)).toBeNull();
    // Its request was deleted after sending: the stored request can still go again.
    expect(resendRefusal({ ...failed, hasRequest: false })).toBeNull();
    // Rendering failed before sending: the request re-renders it.
    expect(resendRefusal({ ...failed, hasSnapshot: false })).toBeNull();
  });
  it("says why not otherwise", () => {
    expect(said({ ...failed, status: "succeeded" })).toMatch(/delivered/);
    expect(said({ ...failed, status: "sending" })).toMatch(/queued/);
    expect(said({ ...failed, hasSnapshot: false, hasRequest: false })).toMatch(/deleted/);
    expect(
      said({
        ...failed,
        pausedAt: new Date(),
        pausedReason: "Paused after 50 failed deliveries in a row",
      }),
    ).toBe(
      "Its webhook request is paused (Paused after 50 failed deliveries in a row); enable the event to resume it, then send again",
    );
  });
});
