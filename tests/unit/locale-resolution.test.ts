import { describe, expect, it } from "vitest";
import {
  type Locale,
  localeFromAcceptLanguage,
  localeSchemaFor,
  parseLocaleTag,
  resolveLocale,
} from "@/lib/i18n/locales";

function tag(value: string): Locale {
  const locale = parseLocaleTag(value);
  if (locale === undefined) throw new Error(`not a tag: ${value}`);
  return locale;
}

const en = tag("en");
const SHIPPED = [en, tag("uk")];
const resolve = (saved: string | null | undefined, accept?: string | null) =>
  resolveLocale(SHIPPED, en, saved, accept);

describe("the interface language", () => {
  it("follows the user's saved choice over the browser", () => {
    expect(resolve("uk", "en-US,en;q=0.9")).toBe("uk");
    expect(resolve("en", "uk-UA,uk;q=0.9")).toBe("en");
  });

  it("follows Accept-Language when the user chose nothing", () => {
    expect(resolve(null, "uk-UA,uk;q=0.9,en;q=0.8")).toBe("uk");
    expect(resolve(undefined, "de-DE,uk;q=0.5,en;q=0.7")).toBe("en");
    expect(resolve(null, "en;q=0.3, uk;q=0.6")).toBe("uk");
  });

  it("falls back to English for unknown choices and languages", () => {
    expect(resolve("fr", "de,pl")).toBe("en");
    expect(resolve(null, null)).toBe("en");
    expect(resolve(null, "")).toBe("en");
    expect(localeFromAcceptLanguage(SHIPPED, "uk;q=0")).toBeUndefined();
    expect(localeFromAcceptLanguage(SHIPPED, "*")).toBeUndefined();
  });

  it("matches a region's catalog before its language's, whatever the case", () => {
    const available = [...SHIPPED, tag("pt-BR")];
    expect(localeFromAcceptLanguage(available, "pt-br")).toBe("pt-BR");
    expect(localeFromAcceptLanguage(available, "pt-PT,en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage(available, "UK-ua")).toBe("uk");
    expect(resolveLocale(available, en, "PT-br")).toBe("pt-BR");
  });

  it("accepts only an available language as a saved choice, spelled as its catalog is", () => {
    const schema = localeSchemaFor(SHIPPED);
    expect(schema.parse("uk")).toBe("uk");
    expect(schema.safeParse("UK").success).toBe(false);
    expect(schema.safeParse("pl").success).toBe(false);
    expect(schema.safeParse("").success).toBe(false);
  });

  it("takes only language tags as catalog names", () => {
    expect(parseLocaleTag("pt-BR")).toBe("pt-BR");
    expect(parseLocaleTag("README")).toBeUndefined();
    expect(parseLocaleTag("../en")).toBeUndefined();
  });
});
