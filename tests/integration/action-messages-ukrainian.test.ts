// A server action's validation messages come back in the language of whoever sent it: the
// signed-in user's choice, else the browser's Accept-Language (the locale i18n/request.ts picks
// for the page), while the schemas and the API keep their English.
import "../helpers/fresh-database";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createSession } from "@/lib/auth/sessions";
import { setUserLocale } from "@/lib/auth/user-locale";
import { db } from "@/lib/db/client";
import { type Locale, parseLocaleTag } from "@/lib/i18n/locales";
import { createUserWithProject } from "../helpers/factories";

const request = vi.hoisted(() => ({
  session: undefined as string | undefined,
  acceptLanguage: "en",
}));

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === "webhooks_session" && request.session !== undefined
        ? { name, value: request.session }
        : undefined,
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers({ "accept-language": request.acceptLanguage }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const events = await import("@/app/_actions/webhook-events");
const members = await import("@/app/_actions/members");
const settings = await import("@/app/_actions/project-settings");
const auth = await import("@/app/_actions/auth");

function tag(value: string): Locale {
  const locale = parseLocaleTag(value);
  if (locale === undefined) throw new Error(`${value} is no language tag`);
  return locale;
}

let projectId: string;
let userId: string;

beforeAll(async () => {
  const made = await createUserWithProject("uk");
  projectId = made.project.id;
  userId = made.user.id;
  request.session = (await createSession(userId, "test")).token;
});

const badEvent = {
  name: "Подія ".repeat(20),
  type: "incoming.after_call",
  requests: [
    {
      url: "https://crm.example.com/hooks",
      method: "POST",
      timeoutMs: 45_000,
      retry: { attempts: 11, schedule: "exponential" },
      delivery: { maxInFlight: 8, ratePerSecond: 5000 },
      params: [{ name: "a", type: "text", value: "{{nope}}" }],
    },
  ],
} as never;

describe("a server action's field messages", () => {
  it("are Ukrainian for a user who chose Ukrainian, whatever the browser says", async () => {
    await setUserLocale(userId, tag("uk"));
    request.acceptLanguage = "en-US,en;q=0.9";
    const result = await events.createEventAction(projectId, badEvent);
    expect(result).toEqual({
      ok: false,
      message: "Перевірте виділені поля",
      fieldErrors: {
        name: "скоротіть до 100 символів",
        "requests[0].timeoutMs": "вкажіть не більше 30 с",
        "requests[0].retry.attempts": "вкажіть від 1 до 10 спроб",
        "requests[0].delivery.ratePerSecond": `вкажіть від 1 до ${new Intl.NumberFormat("uk").format(1000)} за секунду або залиште без обмеження`,
      },
    });
    expect(
      await db.webhookEvent.count({ where: { projectId, name: { startsWith: "Подія" } } }),
    ).toBe(0);

    const invite = await members.createInviteAction(projectId, {
      email: "не пошта",
      role: "admin",
    });
    expect(invite).toMatchObject({
      ok: false,
      fieldErrors: {
        email: "Введіть правильну адресу електронної пошти, наприклад admin@example.com",
      },
    });

    const saved = await settings.updateProjectSettingsAction(projectId, {
      name: "",
      timeZone: "Europe/Atlantis",
      gaMeasurementId: "",
      gaApiSecret: "",
    });
    expect(saved).toMatchObject({
      ok: false,
      fieldErrors: {
        name: "Введіть назву проєкту",
        timeZone: "Невідомий часовий пояс; вкажіть назву з бази IANA, наприклад Europe/Kyiv",
      },
    });
  });

  it("word a variable the event lacks as the wizard does, once the rest is valid", async () => {
    await setUserLocale(userId, tag("uk"));
    const valid = {
      name: "CRM",
      type: "incoming.before_call",
      requests: [
        {
          url: "https://crm.example.com/hooks",
          method: "POST",
          params: [
            { name: "a", type: "text", value: "{{nope}}" },
            { name: "b", type: "text", value: "{{duration}}" },
          ],
        },
      ],
    } as never;
    const result = await events.createEventAction(projectId, valid);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        "requests[0].params[0].value": "невідома змінна {{nope}}",
        "requests[0].params[1].value":
          "{{duration}} недоступна для події «Вхідний дзвінок: перед дзвінком»",
      },
    });
  });

  it("follow the browser when nobody is signed in, and stay English for English", async () => {
    const session = request.session;
    request.session = undefined;
    try {
      request.acceptLanguage = "uk-UA,uk;q=0.9";
      expect(await auth.loginAction({ email: "", password: "" })).toMatchObject({
        ok: false,
        fieldErrors: { email: "Введіть адресу електронної пошти", password: "Введіть пароль" },
      });
      request.acceptLanguage = "en-US,en;q=0.9";
      expect(await auth.loginAction({ email: "", password: "" })).toMatchObject({
        ok: false,
        message: "Check the highlighted fields",
        fieldErrors: { email: "Enter an email", password: "Enter your password" },
      });
    } finally {
      request.session = session;
    }
  });

  it("are the schema's English for a user who chose English", async () => {
    await setUserLocale(userId, tag("en"));
    request.acceptLanguage = "uk-UA,uk;q=0.9";
    const result = await events.createEventAction(projectId, badEvent);
    expect(result).toMatchObject({
      ok: false,
      message: "Check the highlighted fields",
      fieldErrors: {
        name: "use at most 100 characters",
        "requests[0].timeoutMs": "use at most 30 s",
        "requests[0].retry.attempts": "use 1 to 10 attempts",
        "requests[0].delivery.ratePerSecond": "use 1 to 1000 per second, or no limit",
      },
    });
  });
});
