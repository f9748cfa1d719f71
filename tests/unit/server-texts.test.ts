import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESEND_REFUSAL_KEYS, resendRefusal } from "@/lib/delivery-log/resend-rules";
import {
  ATTEMPT_ERRORS,
  type AttemptErrorKey,
  attemptErrorText,
} from "@/lib/dispatch/attempt-error-text";
import { PAUSED_REASON_KEYS, PAUSED_REASONS, pausedReasonText } from "@/lib/dispatch/paused-reason";
import { describeTransportError } from "@/lib/dispatch/transport-errors";
import { AppError, notFound } from "@/lib/errors";
import { toErrorResponse } from "@/lib/http/errors";
import type { TextNamespace } from "@/lib/i18n/catalog-text";
import { wordsOf } from "@/lib/i18n/catalog-words";
import { fillTemplate } from "@/lib/i18n/english-templates";
import en from "@/messages/en.json";
import uk from "@/messages/uk.json";
import { messageArguments as argumentsOf, sourceFiles } from "../helpers/catalog-source";

const ROOT = path.resolve(import.meta.dirname, "../..");
const NAMESPACES: TextNamespace[] = [
  "serverErrors",
  "resendRefusal",
  "pausedReasons",
  "attemptErrors",
];

type Catalog = { [key: string]: string | Catalog };

function leaves(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of leaves(value, full)) out.set(k, v);
  }
  return out;
}

/** `{ key: "x", values: { a, b: 1 } }` as written in a source file: the key and value names. */
function textsWrittenIn(source: string): Array<{ key: string; values: string[] | null }> {
  return [...source.matchAll(/\{\s*key:\s*"([\w.]+)"\s*(?:,\s*values:\s*\{([^}]*)\})?\s*\}/g)].map(
    (m) => ({
      key: m[1] ?? "",
      values:
        m[2] === undefined
          ? []
          : m[2].includes("...")
            ? null
            : m[2]
                .split(",")
                .map((part) => (part.split(":")[0] ?? "").trim())
                .filter(Boolean)
                .sort(),
    }),
  );
}

const catalogs = Object.fromEntries(
  NAMESPACES.map((ns) => [ns, leaves((en as unknown as Catalog)[ns] as Catalog)]),
) as Record<TextNamespace, Map<string, string>>;

describe("texts the server sends as data", () => {
  it("every text the source writes names a key of a namespace and fills exactly its placeholders", () => {
    const problems: string[] = [];
    let seen = 0;
    for (const dir of ["app", "components", "lib"]) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        for (const { key, values } of textsWrittenIn(readFileSync(file, "utf8"))) {
          const candidates = NAMESPACES.filter((ns) => catalogs[ns].has(key));
          if (candidates.length === 0) continue;
          seen += 1;
          if (values === null) continue;
          const fits = candidates.some(
            (ns) => argumentsOf(catalogs[ns].get(key) ?? "").join() === values.join(),
          );
          if (!fits) problems.push(`${path.relative(ROOT, file)}: ${key} given {${values}}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The scan must see the texts, or this test could not fail.
    expect(seen).toBeGreaterThan(30);
  });

  it("the scan sees a key given the wrong values", () => {
    expect(textsWrittenIn(`{ key: "alreadyMember", values: { mail } }`)).toEqual([
      { key: "alreadyMember", values: ["mail"] },
    ]);
    expect(argumentsOf(en.serverErrors.alreadyMember)).toEqual(["email"]);
  });

  it("Ukrainian words every text, and none is left in English", () => {
    const NUMBERS = new Set(["count", "seconds", "ms", "max", "days", "step"]);
    const untranslated = NAMESPACES.flatMap((ns) =>
      [...catalogs[ns]]
        .filter(([key, message]) => {
          const sample = Object.fromEntries(
            argumentsOf(message).map((name) => [name, NUMBERS.has(name) ? 3 : "v"]),
          );
          // Any key of the namespace: the catalog's own keys, read from the catalog.
          const text = { key, values: sample } as never;
          const english = wordsOf("en", ns, text);
          const ukrainian = wordsOf("uk", ns, text);
          return ukrainian === english || ukrainian.includes(`${ns}.`);
        })
        .map(([key]) => key),
    );
    expect(untranslated).toEqual([]);
  });

  it("the English stored by the worker is the English of the catalog", () => {
    expect(ATTEMPT_ERRORS).toEqual(en.attemptErrors);
    expect(PAUSED_REASONS).toEqual(en.pausedReasons);
    expect([...RESEND_REFUSAL_KEYS].sort()).toEqual(Object.keys(en.resendRefusal).sort());
    expect([...PAUSED_REASON_KEYS].sort()).toEqual(Object.keys(uk.pausedReasons).sort());
  });

  it("reads every stored attempt error back into its key and values", () => {
    const values: Record<string, string | number> = {
      host: "crm.example.com",
      endpoint: "203.0.113.7:443",
      code: "ECONNRESET",
      ms: 5000,
      reason: "wrong version number",
      status: "HTTP 301 Moved Permanently",
      location: "https://crm.example.com/new",
    };
    for (const key of Object.keys(ATTEMPT_ERRORS) as AttemptErrorKey[]) {
      const stored = fillTemplate(ATTEMPT_ERRORS[key], values);
      const names = argumentsOf(ATTEMPT_ERRORS[key]);
      const expected = Object.fromEntries(names.map((name) => [name, values[name]]));
      expect({ key, read: attemptErrorText(stored) }).toEqual({
        key,
        read: { key, values: expected },
      });
    }
    expect(attemptErrorText("HTTP 500 Internal Server Error")).toBeNull();
  });
});

describe("in Ukrainian", () => {
  it("a refused connection reads in Ukrainian, keeping the address", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
      code: "ECONNREFUSED",
      address: "127.0.0.1",
      port: 9,
    });
    const limits = { lookup: 1, connect: 1, secureConnect: 1, request: 1 };
    const { kind, message } = describeTransportError(refused, new URL("http://x.test/"), limits);
    expect({ kind, message }).toEqual({
      kind: "connection",
      message: "connection refused by 127.0.0.1:9",
    });
    const text = attemptErrorText(message);
    expect(text && wordsOf("uk", "attemptErrors", text)).toBe("127.0.0.1:9 відхилив з'єднання");
  });

  it("a resend blocked by a paused request names the pause in Ukrainian", () => {
    const refusal = resendRefusal({
      status: "failed",
      hasSnapshot: true,
      hasRequest: true,
      pausedAt: new Date(),
      pausedReason: "Paused after 7 failed deliveries in a row",
    });
    expect(refusal && wordsOf("uk", "resendRefusal", refusal)).toBe(
      "Його запит вебхука призупинено (Призупинено після 7 невдалих доставок поспіль); увімкніть подію, щоб відновити запит, і надішліть знову",
    );
    expect(refusal && wordsOf("en", "resendRefusal", refusal)).toBe(
      "Its webhook request is paused (Paused after 7 failed deliveries in a row); enable the event to resume it, then send again",
    );
    // A reason written by hand stays as written.
    expect(pausedReasonText("maintenance window")).toBe("maintenance window");
  });

  it("an AppError keeps the API's English and words its text in Ukrainian", () => {
    const error = new AppError("conflict", { key: "lastOwnerRemove", values: { email: "o@x.ua" } });
    expect(error.message).toBe(
      "Cannot remove o@x.ua: they are the project's last owner. Make another member an owner first.",
    );
    const mapped = toErrorResponse(error);
    expect(mapped.body.error).toEqual({ code: "conflict", message: error.message });
    expect(mapped.text && wordsOf("uk", "serverErrors", mapped.text)).toBe(
      "Не вдалося видалити o@x.ua: це останній власник проєкту. Спершу зробіть власником іншого учасника.",
    );
    expect(notFound("Delivery").message).toBe("Delivery not found");
    const role = new AppError("forbidden", { key: "roleNeeded", values: { role: "admin" } });
    expect(role.message).toBe("This needs the admin role in the project");
    expect(role.text && wordsOf("uk", "serverErrors", role.text)).toBe(
      "Для цього потрібна роль «адміністратор» у проєкті",
    );
  });
});
