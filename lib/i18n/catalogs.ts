import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import english from "../../messages/en.json";
import { env } from "../env";
import { type Catalog, catalogProblems, hasProblems, isCatalog } from "./catalog-check";
import { catalogDirectory } from "./catalog-directory";
import {
  DEFAULT_LOCALE_TAG,
  type Locale,
  localeSchemaFor,
  parseLocaleTag,
  resolveLocale,
} from "./locales";

// The languages are the files in messages/: adding <tag>.json adds a language, nothing else.
// They are read from disk when first needed, not imported, because the build cannot list a
// folder: `import(\`../messages/${locale}.json\`)` bundles the files present at build time but
// gives no way to ask which those were, and a generated list would be one more step to forget.
// next.config.js traces messages/ into the server output so `next start` finds it.
// English is also imported here, as the compiled reference: `t("…")` keys are typed by it
// (global.d.ts), and every catalog on disk, English included, must have exactly its keys.

/** The English catalog's shape: what `t("…")` is checked against. */
export type Messages = typeof english;

export type LocaleOption = { locale: Locale; name: string };

export type Catalogs = {
  /** Every language, English first, then by tag. */
  locales: Locale[];
  defaultLocale: Locale;
  /** Each language with its own name ("Українська"), for the switch. */
  options: LocaleOption[];
  /** Accepts one of `locales`: the saved choice and the switch's argument are parsed by it. */
  schema: ReturnType<typeof localeSchemaFor>;
  messages(locale: Locale): Messages;
  /** The user's saved choice, else the browser's Accept-Language, else English. */
  resolve(saved: string | null | undefined, acceptLanguage?: string | null): Locale;
};

const REFERENCE: Catalog = english;

/** A catalog with exactly English's keys, every message written: the type `t("…")` expects. */
function isMessages(value: Catalog): value is Messages {
  return !hasProblems(catalogProblems(REFERENCE, value));
}

function readCatalog(dir: string, file: string): Messages {
  const json: unknown = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  if (!isCatalog(json)) throw new Error(`messages/${file}: not a catalog of texts`);
  if (isMessages(json)) return json;
  const problems = catalogProblems(REFERENCE, json);
  const lines = Object.entries(problems)
    .filter(([, keys]) => keys.length > 0)
    .map(([kind, keys]) => `${kind}: ${keys.join(", ")}`);
  throw new Error(`messages/${file} does not match messages/en.json (${lines.join("; ")})`);
}

/** Reads and checks every catalog of `dir`; throws naming the file that is wrong. */
export function readCatalogs(dir: string): Catalogs {
  const loaded = new Map<Locale, Messages>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json"))) {
    const locale = parseLocaleTag(file.slice(0, -".json".length));
    if (locale === undefined) throw new Error(`messages/${file}: not named by a language tag`);
    loaded.set(locale, readCatalog(dir, file));
  }
  const defaultLocale = [...loaded.keys()].find((locale) => locale === DEFAULT_LOCALE_TAG);
  if (defaultLocale === undefined) throw new Error(`${dir} has no ${DEFAULT_LOCALE_TAG}.json`);
  const locales = [...loaded.keys()].sort((a, b) =>
    a === defaultLocale ? -1 : b === defaultLocale ? 1 : a.localeCompare(b),
  );
  const messages = (locale: Locale): Messages => {
    const found = loaded.get(locale);
    if (found === undefined) throw new Error(`no catalog for ${locale}`);
    return found;
  };
  return {
    locales,
    defaultLocale,
    options: locales.map((locale) => ({ locale, name: messages(locale).locale.name })),
    schema: localeSchemaFor(locales),
    messages,
    resolve: (saved, acceptLanguage) =>
      resolveLocale(locales, defaultLocale, saved, acceptLanguage),
  };
}

// Route handlers and pages are separate bundles in the production build: the cache lives on
// globalThis so the process reads each file once. Under `next dev` every call reads the folder
// again, so an edited or added catalog shows on the next request (a read and check costs ~4 ms,
// too much for every action and page elsewhere, tests included).
declare global {
  var webhooksCatalogs: Map<string, Catalogs> | undefined;
}

/** The catalogs of messages/, read once per process outside development. */
export function catalogs(): Catalogs {
  const dir = catalogDirectory();
  if (env().NODE_ENV === "development") return readCatalogs(dir);
  globalThis.webhooksCatalogs ??= new Map();
  let found = globalThis.webhooksCatalogs.get(dir);
  if (found === undefined) {
    found = readCatalogs(dir);
    globalThis.webhooksCatalogs.set(dir, found);
  }
  return found;
}
