import { z } from "zod";

// Pure and safe in the browser: which languages exist is read from messages/ on the server
// (lib/i18n/catalogs.ts); these functions take that list as an argument.

/** A language tag as the catalogs' file names spell it: "en", "uk", "pt-BR". */
const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * A language the interface speaks. Branded: only parsing a catalog's file name or checking a
 * string against the available set (`localeSchemaFor`) makes one.
 */
export const localeTagSchema = z.string().regex(TAG, "use a language tag such as en or pt-BR");
const localeBrand = localeTagSchema.brand<"Locale">();
export type Locale = z.infer<typeof localeBrand>;

/** The language of a request nobody chose for, and the catalog every other is checked against. */
export const DEFAULT_LOCALE_TAG = "en";

/** A catalog's file name ("uk.json") as a language, or undefined for a file that is none. */
export function parseLocaleTag(tag: string): Locale | undefined {
  const parsed = localeBrand.safeParse(tag);
  return parsed.success ? parsed.data : undefined;
}

/** One of `available`, spelled exactly as its catalog's file name (what the switch sends). */
export function localeSchemaFor(available: readonly Locale[]) {
  return z.string().transform((value, ctx): Locale => {
    const found = available.find((locale) => locale === value);
    if (found !== undefined) return found;
    ctx.addIssue({ code: "custom", message: `use one of ${available.join(", ")}` });
    return z.NEVER;
  });
}

function findLocale(available: readonly Locale[], tag: string): Locale | undefined {
  return available.find((locale) => locale.toLowerCase() === tag.toLowerCase());
}

/**
 * The best available language of an `Accept-Language` header by its q-values, each range
 * matched as RFC 4647's lookup does ("uk-UA" tries uk-UA, then uk); undefined when none is.
 */
export function localeFromAcceptLanguage(
  available: readonly Locale[],
  header: string | null | undefined,
): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((range) => range.tag !== "" && range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const subtags = range.tag.split("-");
    for (let length = subtags.length; length > 0; length--) {
      const found = findLocale(available, subtags.slice(0, length).join("-"));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The user's saved choice, else the browser's languages, else `fallback`. */
export function resolveLocale(
  available: readonly Locale[],
  fallback: Locale,
  saved: string | null | undefined,
  acceptLanguage?: string | null,
): Locale {
  const chosen = saved ? findLocale(available, saved) : undefined;
  return chosen ?? localeFromAcceptLanguage(available, acceptLanguage) ?? fallback;
}
