import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Catalog, catalogLeaves, catalogProblems, isCatalog } from "@/lib/i18n/catalog-check";
import { CATALOG } from "@/lib/model/catalog";
import { messageArguments, sourceFiles } from "../helpers/catalog-source";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "i18n", "lib"];

// Every file in messages/ is a language (lib/i18n/catalogs.ts lists them the same way).
const LOCALES = readdirSync(path.join(ROOT, "messages"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => name.slice(0, -".json".length));
const OTHERS = LOCALES.filter((locale) => locale !== "en");

// Keys the code reads as properties, not through t(): each language's own name for the switch.
const READ_BY_THE_LOADER = ["locale.name"];

function readCatalog(locale: string): Catalog {
  const json: unknown = JSON.parse(
    readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8"),
  );
  if (!isCatalog(json)) throw new Error(`messages/${locale}.json is not a catalog of texts`);
  return json;
}

const leaves = (catalog: Catalog) => catalogLeaves(catalog);

/** The ICU arguments and rich-text tags a message takes: every language must take the same. */
const argumentsOf = (message: string) => messageArguments(message, { tags: true });

/**
 * The keys a source file can reach: each namespace it binds with useTranslations("ns") or
 * getTranslations("ns") joined with each string literal of the file (t("title"), a table of
 * keys, t.rich("body")); a template literal `role.${x}` reaches every key under it, and a
 * translator called with a variable (t(kind)) reaches the keys directly in its namespace.
 */
function keysUsedIn(source: string, known: Set<string>): Set<string> {
  const used = new Set<string>();
  const bindings = [
    ...source.matchAll(
      /(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)")?\s*\)/g,
    ),
  ].map((m) => ({ name: m[1] ?? "", ns: m[2] ?? "" }));
  if (bindings.length === 0) return used;
  const join = (ns: string, key: string) => (ns ? `${ns}.${key}` : key);
  const literals = [...source.matchAll(/"([\w.]+)"|'([\w.]+)'/g)].map((m) => m[1] ?? m[2] ?? "");
  for (const { name, ns } of bindings) {
    for (const literal of literals) {
      if (known.has(join(ns, literal))) used.add(join(ns, literal));
    }
    const call = `\\b${name}(?:\\.rich|\\.markup|\\.has)?\\(\\s*`;
    // t(`role.${r}`): every key under role; t(`${id}.label`): every key of the namespace.
    for (const m of source.matchAll(new RegExp(`${call}\`([\\w.]*)\\$\\{`, "g"))) {
      const prefix = m[1] ?? "";
      const under = prefix ? join(ns, prefix) : ns ? `${ns}.` : null;
      if (under === null) continue;
      for (const key of known) if (key.startsWith(under)) used.add(key);
    }
    // t(kind) with a variable: the keys directly in the namespace.
    if (ns && new RegExp(`${call}[A-Za-z_]`).test(source)) {
      for (const key of known) {
        if (key.startsWith(`${ns}.`) && !key.slice(ns.length + 1).includes(".")) used.add(key);
      }
    }
  }
  return used;
}

/**
 * Namespaces whose keys travel as data (an AppError's text, a refusal's reason, an attempt's
 * error) and are worded wherever they are shown, by a translator called with a variable. Such a
 * translator reaches none of them by itself: a key is used where a source file names it, as a
 * literal of its key under the namespace ({ key: "inviteUsed" }, "notFound.project").
 */
const DATA_NAMESPACES = ["serverErrors", "resendRefusal", "pausedReasons", "attemptErrors"];

function dataKeysUsedIn(source: string, known: Set<string>): Set<string> {
  const used = new Set<string>();
  for (const m of source.matchAll(/"([\w.]+)"/g)) {
    for (const ns of DATA_NAMESPACES) {
      if (known.has(`${ns}.${m[1]}`)) used.add(`${ns}.${m[1]}`);
    }
  }
  return used;
}

const isDataKey = (key: string) => DATA_NAMESPACES.some((ns) => key.startsWith(`${ns}.`));

describe("message catalogs", () => {
  const english = leaves(readCatalog("en"));

  it("reads both shipped languages from messages/", () => {
    expect(LOCALES).toEqual(expect.arrayContaining(["en", "uk"]));
  });

  it.each(OTHERS)("%s has exactly the English keys, none empty", (locale) => {
    const problems = catalogProblems(readCatalog("en"), readCatalog(locale));
    expect(problems).toEqual({ missing: [], extra: [], empty: [] });
  });

  it.each(OTHERS)("%s takes the same arguments and tags", (locale) => {
    const other = leaves(readCatalog(locale));
    const differing = [...english].filter(
      ([key, message]) =>
        argumentsOf(message).join() !== argumentsOf(other.get(key) ?? message).join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it.each(LOCALES)("%s has no empty message", (locale) => {
    const empty = [...leaves(readCatalog(locale))].filter(([, m]) => m.trim() === "");
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it("every key is used by the source (a key no code reaches is dead)", () => {
    const known = new Set(english.keys());
    const used = new Set<string>(READ_BY_THE_LOADER);
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        const source = readFileSync(file, "utf8");
        for (const key of keysUsedIn(source, known)) if (!isDataKey(key)) used.add(key);
        for (const key of dataKeysUsedIn(source, known)) used.add(key);
      }
    }
    expect([...known].filter((key) => !used.has(key))).toEqual([]);
  });

  it("the scan sees a data key only where a source names it", () => {
    const known = new Set(["serverErrors.inviteUsed", "serverErrors.notFound.project"]);
    const source = `throw new AppError("not_found", { key: "inviteUsed" });`;
    expect([...dataKeysUsedIn(source, known)]).toEqual(["serverErrors.inviteUsed"]);
  });

  it.each(LOCALES)("%s titles and describes every call variable of the catalog", (locale) => {
    const messages = leaves(readCatalog(locale));
    const missing = CATALOG.flatMap((v) =>
      [`variables.${v.id}.label`, `variables.${v.id}.description`].filter(
        (key) => !messages.has(key),
      ),
    );
    expect(missing).toEqual([]);
    const extra = [...messages.keys()].filter(
      (key) =>
        key.startsWith("variables.") && !CATALOG.some((v) => key.startsWith(`variables.${v.id}.`)),
    );
    expect(extra).toEqual([]);
  });

  it("English titles of the variables are the catalog's own (the API's words)", () => {
    const changed = CATALOG.filter(
      (v) =>
        english.get(`variables.${v.id}.label`) !== v.label ||
        english.get(`variables.${v.id}.description`) !== v.description,
    );
    expect(changed.map((v) => v.id)).toEqual([]);
  });

  it("the scan sees keys, so the dead-key check can fail", () => {
    const known = new Set(["nav.webhooks", "nav.members", "shell.role.owner", "shell.logOut"]);
    const source = `const t = useTranslations("nav"); t("webhooks"); const s = await getTranslations("shell"); s(\`role.\${r}\`);`;
    expect([...keysUsedIn(source, known)].sort()).toEqual(["nav.webhooks", "shell.role.owner"]);
  });
});
