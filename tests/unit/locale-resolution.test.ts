import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "@/lib/i18n/locales";

describe("the interface language", () => {
  it("follows the user's saved choice over the browser", () => {
    expect(resolveLocale("uk", "en-US,en;q=0.9")).toBe("uk");
    expect(resolveLocale("en", "uk-UA,uk;q=0.9")).toBe("en");
  });

  it("follows Accept-Language when the user chose nothing", () => {
    expect(resolveLocale(null, "uk-UA,uk;q=0.9,en;q=0.8")).toBe("uk");
    expect(resolveLocale(undefined, "de-DE,uk;q=0.5,en;q=0.7")).toBe("en");
    expect(resolveLocale(null, "en;q=0.3, uk;q=0.6")).toBe("uk");
  });

  it("falls back to English for unknown choices and languages", () => {
    expect(resolveLocale("fr", "de,pl")).toBe("en");
    expect(resolveLocale(null, null)).toBe("en");
    expect(resolveLocale(null, "")).toBe("en");
    expect(localeFromAcceptLanguage("uk;q=0")).toBeUndefined();
    expect(localeFromAcceptLanguage("*")).toBeUndefined();
  });
});
