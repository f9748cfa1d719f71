// Validation messages in the interface language: real schemas parse bad values, and each issue
// is worded the way the forms and the server actions word it (i18n/issue-text.ts).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { catalogTranslators } from "@/i18n/catalog-translators";
import { type IssueTranslators, issueText } from "@/i18n/issue-text";
import { SCHEMA_MESSAGE_KEYS } from "@/i18n/schema-message-keys";
import { apiKeyCreateSchema } from "@/lib/auth/api-key-scopes";
import { inviteCreateSchema, setupSchema } from "@/lib/auth/schemas";
import { type Locale, parseLocaleTag } from "@/lib/i18n/locales";
import { copyRequestSchema, webhookEventSchema } from "@/lib/model/event-schema";
import { signingRotationSchema } from "@/lib/model/signing-rotation";
import { projectSettingsSchema } from "@/lib/projects/schemas";
import { DEFAULT_SIMULATED_CALL, simulatedCallSchema } from "@/lib/simulator/simulation-options";
import en from "@/messages/en.json";
import uk from "@/messages/uk.json";

function tag(value: string): Locale {
  const locale = parseLocaleTag(value);
  if (locale === undefined) throw new Error(`${value} is no language tag`);
  return locale;
}

type Language = "en" | "uk";
const TRANSLATORS: Record<Language, IssueTranslators> = {
  en: catalogTranslators(tag("en"), en),
  uk: catalogTranslators(tag("uk"), uk),
};

/** What the form shows at `path` after parsing `value`, in `locale`. */
function shown(locale: Language, schema: z.ZodType, value: unknown, path = ""): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`${JSON.stringify(value)} parsed`);
  const issue = result.error.issues.find((i) => i.path.map(String).join(".") === path);
  if (!issue) throw new Error(`no issue at ${path}: ${JSON.stringify(result.error.issues)}`);
  return issueText(issue, TRANSLATORS[locale]);
}

const ukNumber = (n: number) => new Intl.NumberFormat("uk").format(n);

const request = { url: "https://crm.example.com/hooks", method: "POST" };
const event = (change: Record<string, unknown> = {}, requestChange: object = {}) => ({
  name: "CRM",
  type: "incoming.after_call",
  requests: [{ ...request, ...requestChange }],
  ...change,
});

describe("a zod issue in the interface language", () => {
  it("words the wizard's limits and ranges, with the numbers of the language", () => {
    const cases: Array<[object, string, string, string]> = [
      [{ timeoutMs: 31_000 }, "requests.0.timeoutMs", "use at most 30 s", "вкажіть не більше 30 с"],
      [{ timeoutMs: 500 }, "requests.0.timeoutMs", "use at least 1 s", "вкажіть щонайменше 1 с"],
      [
        { timeoutMs: 1500.5 },
        "requests.0.timeoutMs",
        "use whole milliseconds",
        "вкажіть ціле число мілісекунд",
      ],
      [{ timeoutMs: Number.NaN }, "requests.0.timeoutMs", "enter a number", "вкажіть число"],
      [
        { retry: { attempts: 11 } },
        "requests.0.retry.attempts",
        "use 1 to 10 attempts",
        "вкажіть від 1 до 10 спроб",
      ],
      [
        { retry: { attempts: 2.5 } },
        "requests.0.retry.attempts",
        "use a whole number",
        "вкажіть ціле число",
      ],
      [
        { delivery: { maxInFlight: 0 } },
        "requests.0.delivery.maxInFlight",
        "use 1 to 100 requests at once",
        "вкажіть від 1 до 100 одночасних запитів",
      ],
      [
        { delivery: { ratePerSecond: 5000 } },
        "requests.0.delivery.ratePerSecond",
        "use 1 to 1000 per second, or no limit",
        `вкажіть від 1 до ${ukNumber(1000)} за секунду або залиште без обмеження`,
      ],
      [
        { headers: Array.from({ length: 51 }, () => ({ name: "X-A", value: "1" })) },
        "requests.0.headers",
        "use at most 50 headers",
        "залиште не більше 50 заголовків",
      ],
      [{ url: "" }, "requests.0.url", "enter the URL", "вкажіть адресу"],
      [
        { url: `https://a.example/${"x".repeat(4100)}` },
        "requests.0.url",
        "use at most 4,096 characters",
        `скоротіть до ${ukNumber(4096)} символів`,
      ],
      [
        { method: "PATCH" },
        "requests.0.method",
        "choose GET, POST or PUT",
        "виберіть GET, POST або PUT",
      ],
      [
        { params: [{ name: "a", type: "text", value: "x".repeat(70_000) }] },
        "requests.0.params.0.value",
        "use at most 64 KiB",
        "скоротіть до 64 КіБ",
      ],
    ];
    for (const [change, path, english, ukrainian] of cases) {
      expect(shown("en", webhookEventSchema, event({}, change), path)).toBe(english);
      expect(shown("uk", webhookEventSchema, event({}, change), path)).toBe(ukrainian);
    }
  });

  it("words the event's own fields", () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ name: "" }, "name", "вкажіть назву"],
      [{ name: "x".repeat(101) }, "name", "скоротіть до 100 символів"],
      [{ name: "a\tb" }, "name", "лише один рядок тексту, без керівних символів"],
      [{ type: "" }, "type", "виберіть тип події"],
      [{ requests: [] }, "requests", "додайте хоча б один вебхук-запит"],
      [{ enabled: "yes" }, "enabled", "перевірте це значення"],
      [{ extra: 1 }, "", "приберіть невідомі поля: extra"],
      [{ conditions: { departments: [""] } }, "conditions.departments.0", "заповніть це поле"],
      [
        { conditions: { dispositions: Array(51).fill("A") } },
        "conditions.dispositions",
        "залиште не більше 50 елементів",
      ],
      [
        { conditions: { minDurationSec: -1 } },
        "conditions.minDurationSec",
        "вкажіть 0 або більше секунд",
      ],
      [
        { conditions: { minDurationSec: 100_000 } },
        "conditions.minDurationSec",
        `вкажіть не більше ніж ${ukNumber(86_400)}`,
      ],
    ];
    for (const [change, path, ukrainian] of cases) {
      expect(shown("uk", webhookEventSchema, event(change), path)).toBe(ukrainian);
    }
    expect(shown("en", webhookEventSchema, event({ name: "x".repeat(101) }), "name")).toBe(
      "use at most 100 characters",
    );
    expect(shown("uk", copyRequestSchema, { type: "nope" }, "type")).toBe("виберіть тип події");
  });

  it("words parameters: names, unions (the closest branch) and unknown kinds", () => {
    const params = (p: unknown[]) => event({}, { params: p });
    expect(
      shown(
        "uk",
        webhookEventSchema,
        params([{ name: "", type: "text", value: "" }]),
        "requests.0.params.0.name",
      ),
    ).toBe("вкажіть назву");
    expect(
      shown(
        "uk",
        webhookEventSchema,
        params([{ name: "Ім'я", type: "text", value: "" }]),
        "requests.0.params.0.name",
      ),
    ).toBe(uk.schemaMessages.paramName.replace("'{{ }}'", "{{ }}"));
    const item = [
      {
        name: "a",
        type: "array",
        items: [{ type: "object", fields: [{ name: "", type: "text", value: "" }] }],
      },
    ];
    expect(
      shown("uk", webhookEventSchema, params(item), "requests.0.params.0.items.0.fields.0.name"),
    ).toBe("вкажіть назву");
    expect(
      shown(
        "uk",
        webhookEventSchema,
        params([{ name: "a", type: "weird" }]),
        "requests.0.params.0.type",
      ),
    ).toBe("перевірте це значення");
  });

  it("words a variable the event does not carry as the wizard's live check does", () => {
    const at = (type: string, value: string) =>
      shown(
        "uk",
        webhookEventSchema,
        event({ type }, { params: [{ name: "a", type: "text", value }] }),
        "requests.0.params.0.value",
      );
    expect(at("incoming.after_call", "{{nope}}")).toBe("невідома змінна {{nope}}");
    expect(at("incoming.before_call", "{{duration}}")).toBe(
      `{{duration}} недоступна для події «${uk.triggers.group.incoming}: ${uk.triggers.moment.incoming.before_call}»`,
    );
    expect(
      shown(
        "en",
        webhookEventSchema,
        event(
          { type: "incoming.before_call" },
          { params: [{ name: "a", type: "text", value: "{{duration}}" }] },
        ),
        "requests.0.params.0.value",
      ),
    ).toBe("{{duration}} is not available for Incoming call: before the call");
  });

  it("words the account, invite, settings, API key, simulator and rotation forms", () => {
    const setup = { email: "a@example.com", password: "x".repeat(12), projectName: "P" };
    const cases: Array<[z.ZodType, object, string, string]> = [
      [setupSchema, { ...setup, email: "" }, "email", "Введіть адресу електронної пошти"],
      [
        setupSchema,
        { ...setup, email: "bad" },
        "email",
        "Введіть правильну адресу електронної пошти, наприклад admin@example.com",
      ],
      [setupSchema, { ...setup, password: "short" }, "password", "Введіть щонайменше 12 символів"],
      [
        setupSchema,
        { ...setup, projectName: "x".repeat(101) },
        "projectName",
        "Скоротіть до 100 символів",
      ],
      [
        inviteCreateSchema,
        { email: "a@example.com", role: "owner" },
        "role",
        "Виберіть роль: адміністратор або глядач",
      ],
      [
        projectSettingsSchema,
        { name: "P", timeZone: "Mars/Base", gaMeasurementId: "", gaApiSecret: "" },
        "timeZone",
        "Невідомий часовий пояс; вкажіть назву з бази IANA, наприклад Europe/Kyiv",
      ],
      [
        projectSettingsSchema,
        { name: "", timeZone: "Europe/Kyiv", gaMeasurementId: "X", gaApiSecret: "" },
        "gaMeasurementId",
        "Ідентифікатор потоку даних GA4 має вигляд G-XXXXXXXXXX",
      ],
      [
        projectSettingsSchema,
        { name: "", timeZone: "Europe/Kyiv", gaMeasurementId: "", gaApiSecret: "" },
        "name",
        "Введіть назву проєкту",
      ],
      [apiKeyCreateSchema, { name: "x".repeat(61) }, "name", "Скоротіть до 60 символів"],
      [
        apiKeyCreateSchema,
        { name: "CRM", scopes: [] },
        "scopes",
        "виберіть хоча б один рівень доступу",
      ],
      [
        apiKeyCreateSchema,
        { name: "CRM", scopes: ["root"] },
        "scopes.0",
        "виберіть ingest або admin",
      ],
      [
        simulatedCallSchema,
        { ...DEFAULT_SIMULATED_CALL, caller: "12" },
        "caller",
        "вкажіть від 3 до 20 цифр, наприклад 380671234567",
      ],
      [
        simulatedCallSchema,
        { ...DEFAULT_SIMULATED_CALL, department: " " },
        "department",
        "вкажіть відділ",
      ],
      [
        simulatedCallSchema,
        { ...DEFAULT_SIMULATED_CALL, direction: "outgoing", outcome: "forwarded" },
        "outcome",
        "вихідний дзвінок може бути лише прийнятим, неприйнятим або «зайнято»",
      ],
      [signingRotationSchema, { overlapHours: 200 }, "overlapHours", "вкажіть від 0 до 168 годин"],
    ];
    for (const [schema, value, path, ukrainian] of cases) {
      expect(shown("uk", schema, value, path)).toBe(ukrainian);
    }
    // A capital where the schema wrote one, in English too.
    expect(shown("en", setupSchema, { ...setup, password: "short" }, "password")).toBe(
      "Use at least 12 characters",
    );
  });

  it("words every kind of issue zod gives, and keeps a message it cannot word", () => {
    const cases: Array<[z.ZodType, unknown, string]> = [
      [z.string().max(21), "x".repeat(22), "скоротіть до 21 символу"],
      [z.string().min(2), "x", "введіть щонайменше 2 символи"],
      [z.number().positive(), 0, "вкажіть більше ніж 0"],
      [z.number().lt(5), 5, "вкажіть менше ніж 5"],
      [z.array(z.string()).min(3), [], "додайте щонайменше 3 елементи"],
      [z.url(), "nope", "вкажіть правильну адресу"],
      [z.email(), "nope", "вкажіть правильну адресу електронної пошти"],
      [z.string().regex(/^a$/), "b", "перевірте формат"],
      [z.enum(["a", "b"]), "c", "виберіть одне з: a, b"],
      [z.number().multipleOf(5), 3, "вкажіть число, кратне 5"],
      [z.string(), undefined, "заповніть це поле"],
      [z.union([z.string().min(3), z.number()]), "ab", "введіть щонайменше 3 символи"],
      [z.string().refine(() => false, "a message nobody keyed"), "x", "a message nobody keyed"],
    ];
    for (const [schema, value, ukrainian] of cases)
      expect(shown("uk", schema, value)).toBe(ukrainian);
  });

  it("has every keyed message in both catalogs: English as the schema says it, Ukrainian its own", () => {
    expect(SCHEMA_MESSAGE_KEYS.size).toBeGreaterThan(50);
    for (const [english, { namespace, key, values }] of SCHEMA_MESSAGE_KEYS) {
      const catalogs = [en, uk].map((c) => (c[namespace] as Record<string, string>)[key]);
      expect(catalogs, `${namespace}.${key}`).not.toContain(undefined);
      const word = (locale: Language) =>
        namespace === "schemaMessages"
          ? TRANSLATORS[locale].schemaMessages(key)
          : TRANSLATORS[locale].validation(key, { ...values });
      expect(word("en")).toBe(english);
      expect(word("uk")).not.toBe(english);
      expect(word("uk")).toMatch(/[а-яіїєґ]/i);
    }
  });
});
