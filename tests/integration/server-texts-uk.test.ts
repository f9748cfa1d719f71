import "../helpers/fresh-database";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Server actions read the session and the browser's languages from next/headers.
const jar = vi.hoisted(() => ({ session: undefined as string | undefined, acceptLanguage: "" }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === "webhooks_session" && jar.session !== undefined
        ? { name, value: jar.session }
        : undefined,
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers({ "accept-language": jar.acceptLanguage }),
}));

const { removeMemberAction } = await import("@/app/_actions/members");
const { resendAction } = await import("@/app/_actions/deliveries");
const memberRoute = await import("@/app/api/v1/members/[id]/route");
const { createApiKey } = await import("@/lib/auth/api-keys");
const { createSession, SESSION_COOKIE } = await import("@/lib/auth/sessions");
const { db } = await import("@/lib/db/client");
const { callRoute } = await import("../helpers/api");
const { createUserWithProject } = await import("../helpers/factories");
const { createDelivery, createFixture } = await import("./deliveries-fixtures");

let owner: Awaited<ReturnType<typeof createUserWithProject>>;

beforeAll(async () => {
  expect(SESSION_COOKIE).toBe("webhooks_session");
  owner = await createUserWithProject("uk-owner");
  jar.session = (await createSession(owner.user.id)).token;
});

describe("a server action's refusal in the user's language", () => {
  it("says in Ukrainian why the last owner cannot be removed; the API keeps English", async () => {
    await db.user.update({ where: { id: owner.user.id }, data: { locale: "uk" } });
    const result = await removeMemberAction(owner.project.id, owner.user.id);
    expect(result).toEqual({
      ok: false,
      message: `Не вдалося видалити ${owner.email}: це останній власник проєкту. Спершу зробіть власником іншого учасника.`,
      fieldErrors: {},
    });

    const { key } = await createApiKey(owner.project.id, { name: "Members" });
    const answer = await callRoute(memberRoute.DELETE, {
      key,
      method: "DELETE",
      params: { id: owner.user.id },
    });
    // An API key acts as an admin: the API refuses it in English, whoever made the key.
    expect(answer).toEqual({
      status: 403,
      json: { error: { code: "forbidden", message: "Only an owner can remove an owner" } },
    });
  });

  it("answers the API in the language Accept-Language asks for; code and field stay", async () => {
    const { key } = await createApiKey(owner.project.id, { name: "Members uk" });
    const ask = async (acceptLanguage?: string) => {
      const headers = new Headers({ "Auth-key": key });
      if (acceptLanguage) headers.set("Accept-Language", acceptLanguage);
      const request = new Request("http://localhost/api/v1/members/x", {
        method: "DELETE",
        headers,
      });
      const response = await memberRoute.DELETE(request, {
        params: Promise.resolve({ id: owner.user.id }),
      });
      return { status: response.status, json: await response.json() };
    };
    expect(await ask("uk-UA,uk;q=0.9")).toEqual({
      status: 403,
      json: { error: { code: "forbidden", message: "Видалити власника може лише власник" } },
    });
    expect(await ask("de-DE")).toEqual({
      status: 403,
      json: { error: { code: "forbidden", message: "Only an owner can remove an owner" } },
    });
  });

  it("follows the browser's language when the user chose none, and English otherwise", async () => {
    await db.user.update({ where: { id: owner.user.id }, data: { locale: null } });
    jar.acceptLanguage = "uk-UA,uk;q=0.9,en;q=0.5";
    const ukrainian = await removeMemberAction(owner.project.id, owner.user.id);
    expect(ukrainian.ok ? "" : ukrainian.message).toMatch(/^Не вдалося видалити/);
    jar.acceptLanguage = "en-GB";
    const english = await removeMemberAction(owner.project.id, owner.user.id);
    expect(english.ok ? "" : english.message).toMatch(/^Cannot remove .*last owner/);
  });

  it("lists why a delivered webhook is not sent again as a key the page words", async () => {
    const fixture = await createFixture("uk-resend");
    const ukUser = await db.user.create({
      data: { email: "uk-admin@example.com", passwordHash: "x", locale: "uk" },
    });
    await db.membership.create({
      data: { userId: ukUser.id, projectId: fixture.projectId, role: "admin" },
    });
    jar.session = (await createSession(ukUser.id)).token;
    const delivered = await createDelivery(fixture, { status: "succeeded" });
    const result = await resendAction(fixture.projectId, { ids: [delivered.id] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.skipped).toEqual([
      {
        id: delivered.id,
        reason: "It was delivered; only failed deliveries are sent again",
        reasonText: { key: "delivered" },
      },
    ]);
  });
});
