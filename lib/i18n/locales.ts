import { z } from "zod";

/** The interface languages; adding one is adding its catalog (messages/<locale>.json) here. */
export const LOCALES = ["en", "uk"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** How each language names itself in the switch (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", uk: "Українська" };

export const localeSchema = z.enum(LOCALES);

export function isLocale(value: unknown): value is Locale {
  return localeSchema.safeParse(value).success;
}

/**
 * The first supported language of an `Accept-Language` header by its q-values ("uk-UA" counts
 * as "uk"); undefined when none is supported.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.tag !== "" && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const primary = range.tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return undefined;
}

/** The user's saved choice, else the browser's languages, else English. */
export function resolveLocale(
  saved: string | null | undefined,
  acceptLanguage?: string | null,
): Locale {
  if (isLocale(saved)) return saved;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
