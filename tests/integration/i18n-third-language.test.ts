import "../helpers/fresh-database";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";

// A third language in a folder of its own, standing in for messages/: the product ships en and
// uk, and other test files read messages/ at the same time.
const dir = vi.hoisted(() => `${process.env.TMPDIR ?? "/tmp"}/catalogs-${process.pid}`);
let actingAs: string | undefined;
let acceptLanguage = "";
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === SESSION_COOKIE && actingAs !== undefined ? { name, value: actingAs } : undefined,
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers({ "accept-language": acceptLanguage }),
}));
// next-intl's react-server build returns the function as it is; vitest resolves the client one.
vi.mock("next-intl/server", () => ({ getRequestConfig: <T>(create: T) => create }));
vi.mock("@/lib/i18n/catalog-directory", () => ({ catalogDirectory: () => dir }));

import { setLocaleAction } from "@/app/_actions/locale";
import requestConfig from "@/i18n/request";
import { db } from "@/lib/db/client";
import { type Catalog, catalogProblems, isCatalog } from "@/lib/i18n/catalog-check";
import { catalogs, readCatalogs } from "@/lib/i18n/catalogs";
import { createUserWithProject } from "../helpers/factories";

const ROOT = path.resolve(import.meta.dirname, "../..");

function shipped(locale: string): Catalog {
  const json: unknown = JSON.parse(
    readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8"),
  );
  if (!isCatalog(json)) throw new Error(`messages/${locale}.json is not a catalog`);
  return json;
}

/** English with a few keys in Polish: what a translator's first draft of pl.json looks like. */
function polish(): Catalog {
  const catalog = structuredClone(shipped("en"));
  const translate = (namespace: string, key: string, text: string) => {
    const ns = catalog[namespace];
    if (typeof ns !== "object") throw new Error(`no namespace ${namespace}`);
    ns[key] = text;
  };
  translate("locale", "name", "Polski");
  translate("locale", "label", "Język");
  translate("nav", "webhooks", "Webhooki");
  return catalog;
}

function writeCatalog(locale: string, catalog: Catalog) {
  writeFileSync(path.join(dir, `${locale}.json`), JSON.stringify(catalog));
}

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  writeCatalog("en", shipped("en"));
  writeCatalog("uk", shipped("uk"));
  writeCatalog("pl", polish());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a third language is one more catalog file", () => {
  it("is listed in the switch under its own name", () => {
    expect(catalogs().options).toEqual([
      { locale: "en", name: "English" },
      { locale: "pl", name: "Polski" },
      { locale: "uk", name: "Українська" },
    ]);
  });

  it("is picked from Accept-Language and its messages are served", async () => {
    acceptLanguage = "pl-PL,pl;q=0.9,en;q=0.5";
    actingAs = undefined;
    const config = await requestConfig({ requestLocale: Promise.resolve(undefined) });
    expect(config.locale).toBe("pl");
    expect(config.messages?.nav?.webhooks).toBe("Webhooki");
  });

  it("is saved as a user's choice, which wins over the browser", async () => {
    const { user } = await createUserWithProject("polka");
    actingAs = (await createSession(user.id)).token;
    acceptLanguage = "uk-UA,uk;q=0.9";
    expect(await setLocaleAction("pl")).toEqual({ ok: true, data: undefined });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("pl");
    const config = await requestConfig({ requestLocale: Promise.resolve(undefined) });
    expect(config.locale).toBe("pl");
    expect(config.messages?.locale?.label).toBe("Język");

    const refused = await setLocaleAction("de");
    expect(refused.ok).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("pl");
  });

  it("is refused, naming the file and the key, when it lacks a key", () => {
    const broken = polish();
    const nav = broken.nav;
    if (typeof nav !== "object") throw new Error("no nav");
    delete nav.members;
    nav.webhookz = "Webhooki";
    expect(catalogProblems(shipped("en"), broken)).toEqual({
      missing: ["nav.members"],
      extra: ["nav.webhookz"],
      empty: [],
    });
    writeCatalog("pl", broken);
    expect(() => readCatalogs(dir)).toThrow(
      "messages/pl.json does not match messages/en.json (missing: nav.members; extra: nav.webhookz)",
    );
    writeCatalog("pl", polish());
    expect(() => readCatalogs(dir)).not.toThrow();
  });

  it("shows no catalog but en and uk in the product", () => {
    expect(readCatalogs(path.join(ROOT, "messages")).locales).toEqual(["en", "uk"]);
  });
});
