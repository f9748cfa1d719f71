import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatDateAndTime, formatDateTime } from "@/lib/format-date";
import { parseLocaleTag } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import uk from "@/messages/uk.json";

describe("formatDateTime", () => {
  it("keeps English's unambiguous layout, in the project's zone, with or without seconds", () => {
    expect(formatDateTime("2026-11-29T08:15:04Z", "Europe/Kyiv", "en")).toBe("2026-11-29 10:15");
    expect(formatDateTime("2026-07-01T23:59:59Z", "Europe/Kyiv", "en", { seconds: true })).toBe(
      "2026-07-02 02:59:59",
    );
    expect(
      formatDateTime("2026-11-29T00:00:00Z", "America/New_York", "en", { seconds: true }),
    ).toBe("2026-11-28 19:00:00");
  });

  it("writes Ukrainian day first with dots, in the project's zone", () => {
    expect(formatDateTime("2026-12-01T14:31:09Z", "Europe/Kyiv", "uk")).toBe("01.12.2026, 16:31");
    expect(formatDateTime("2026-12-01T14:31:09Z", "Europe/Kyiv", "uk", { seconds: true })).toBe(
      "01.12.2026, 16:31:09",
    );
    // Midnight in Kyiv is still the previous evening in New York: the zone decides the day.
    expect(formatDateTime("2026-12-01T22:05:00Z", "Europe/Kyiv", "uk")).toBe("02.12.2026, 00:05");
    expect(formatDateTime("2026-12-01T22:05:00Z", "America/New_York", "uk")).toBe(
      "01.12.2026, 17:05",
    );
  });

  it("parts a moment into day and time for two-line cells", () => {
    const at = "2026-12-01T14:31:09Z";
    expect(formatDateAndTime(at, "Europe/Kyiv", "en", { seconds: true })).toEqual({
      date: "2026-12-01",
      time: "16:31:09",
    });
    expect(formatDateAndTime(at, "Europe/Kyiv", "uk", { seconds: true })).toEqual({
      date: "01.12.2026",
      time: "16:31:09",
    });
  });

  it("lays out a language without its own rule as Intl does for it", () => {
    expect(formatDateTime("2026-12-01T14:31:09Z", "Europe/Warsaw", "pl")).toBe("01.12.2026, 15:31");
  });
});

describe("numbers in the interface's language", () => {
  // What the lists and the drawer do: a number formatted for the locale, put into its message.
  function shown(tag: "en" | "uk", loaded: number, total: number, seconds: number) {
    const messages = tag === "en" ? en : uk;
    const locale = parseLocaleTag(tag);
    if (locale === undefined) throw new Error(tag);
    const format = createFormatter({ locale, timeZone: "Europe/Kyiv" });
    const t = createTranslator({ locale, messages });
    const digits = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    return [
      t("list.shownOf", { loaded: format.number(loaded), total: format.number(total) }),
      t("deliveries.duration.s", { value: format.number(seconds, digits) }),
    ].map((text) => text.replace(/\s/g, " "));
  }

  it("groups thousands and writes decimals as each language does", () => {
    expect(shown("en", 100, 12345, 1.25)).toEqual(["100 of 12,345 shown", "1.25 s"]);
    expect(shown("uk", 100, 12345, 1.25)).toEqual(["Показано 100 з 12 345", "1,25 с"]);
  });
});
