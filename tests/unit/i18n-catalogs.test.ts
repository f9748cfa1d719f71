import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "i18n", "lib"];

type Catalog = { [key: string]: string | Catalog };

function readCatalog(locale: string): Catalog {
  return JSON.parse(readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8"));
}

/** "nav.webhooks" → its message, for every leaf of the catalog. */
function leaves(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments and rich-text tags a message takes: every language must take the same. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && element.type !== TYPE.literal) {
        names.add(String(element.value));
      }
      if (element.type === TYPE.tag) {
        names.add(`<${element.value}>`);
        walk(element.children);
      }
      if (element.type === TYPE.select || element.type === TYPE.plural) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

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
  const namespaces = new Set(bindings.map((b) => b.ns));
  if (namespaces.size === 0) return used;
  const literals = [...source.matchAll(/"([\w.]+)"|'([\w.]+)'/g)].map((m) => m[1] ?? m[2] ?? "");
  const prefixes = [...source.matchAll(/`([\w.]*)\$\{/g)].map((m) => m[1] ?? "");
  for (const ns of namespaces) {
    const join = (key: string) => (ns ? `${ns}.${key}` : key);
    for (const literal of literals) if (known.has(join(literal))) used.add(join(literal));
    for (const prefix of prefixes) {
      const under = join(prefix);
      for (const key of known) if (prefix && key.startsWith(under)) used.add(key);
    }
  }
  for (const { name, ns } of bindings) {
    if (!ns || !new RegExp(`\\b${name}\\(\\s*[A-Za-z_]`).test(source)) continue;
    for (const key of known) {
      if (key.startsWith(`${ns}.`) && !key.slice(ns.length + 1).includes(".")) used.add(key);
    }
  }
  return used;
}

describe("message catalogs", () => {
  const english = leaves(readCatalog("en"));

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the English keys", (locale) => {
    const other = leaves(readCatalog(locale));
    const missing = [...english.keys()].filter((key) => !other.has(key));
    const extra = [...other.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s takes the same arguments and tags", (locale) => {
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
    const used = new Set<string>();
    for (const dir of SOURCE_DIRS) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        for (const key of keysUsedIn(readFileSync(file, "utf8"), known)) used.add(key);
      }
    }
    expect([...known].filter((key) => !used.has(key))).toEqual([]);
  });

  it("the scan sees keys, so the dead-key check can fail", () => {
    const known = new Set(["nav.webhooks", "nav.members", "shell.role.owner", "shell.logOut"]);
    const source = `const t = useTranslations("nav"); t("webhooks"); const s = await getTranslations("shell"); s(\`role.\${r}\`);`;
    expect([...keysUsedIn(source, known)].sort()).toEqual(["nav.webhooks", "shell.role.owner"]);
  });
});
