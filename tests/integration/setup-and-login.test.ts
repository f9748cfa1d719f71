import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { logIn } from "@/lib/auth/login";
import { findSessionUser } from "@/lib/auth/sessions";
import { createFirstAdministrator, needsSetup } from "@/lib/auth/setup";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createUserWithProject } from "../helpers/factories";
import { TEST_GA_ENDPOINT } from "../helpers/fresh-database";

describe("first administrator", () => {
  it("rejects a short password and an invalid email without writing anything", async () => {
    await expect(
      createFirstAdministrator({ email: "not-an-email", password: "short", projectName: "P" }),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path: ["email"] })]),
    });
    await expect(
      createFirstAdministrator({ email: "a@example.com", password: "short", projectName: "P" }),
    ).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ path: ["password"], message: "Use at least 12 characters" }),
      ],
    });
    expect(await db.user.count()).toBe(0);
    expect(await needsSetup()).toBe(true);
  });

  it("creates the administrator, the project and the locked Google Analytics event together", async () => {
    const { userId, projectId } = await createFirstAdministrator({
      email: "  Admin@Example.com ",
      password: "a long enough password",
      projectName: "Ringo",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe("admin@example.com");
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain("a long enough password");

    const project = await db.project.findUniqueOrThrow({
      where: { id: projectId },
      include: { memberships: true, webhookEvents: { include: { requests: true } } },
    });
    expect(project.timeZone).toBe("Europe/Kyiv");
    expect(project.memberships).toEqual([expect.objectContaining({ userId, role: "owner" })]);
    expect(project.webhookEvents).toHaveLength(1);
    const [event] = project.webhookEvents;
    expect(event).toMatchObject({
      name: "Google Analytics",
      triggerType: "incoming.after_call",
      locked: true,
      enabled: true,
    });
    expect(event?.requests[0]).toMatchObject({
      method: "POST",
      format: "json",
      url: `${TEST_GA_ENDPOINT}/mp/collect?measurement_id={{ga_measurement_id}}&api_secret={{ga_api_secret}}`,
    });
    expect(await needsSetup()).toBe(false);
  });

  it("refuses a second first administrator", async () => {
    const attempt = createFirstAdministrator({
      email: "other@example.com",
      password: "another long password",
      projectName: "Other",
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "conflict" });
    expect(await db.user.count()).toBe(1);
    expect(await db.project.count()).toBe(1);
  });
});

describe("login", () => {
  it("signs in with the right password and opens a server-side session", async () => {
    const session = await logIn(
      { email: "ADMIN@example.com", password: "a long enough password" },
      { ip: "10.0.0.1" },
    );
    expect(session.token.length).toBeGreaterThan(30);
    const user = await findSessionUser(session.token);
    expect(user?.email).toBe("admin@example.com");
    const stored = await db.session.findMany();
    expect(stored.map((s) => s.id)).not.toContain(session.token);
  });

  it("says the same thing for a wrong password and an unknown email", async () => {
    const wrongPassword = logIn(
      { email: "admin@example.com", password: "wrong password!" },
      { ip: "10.0.0.2" },
    );
    await expect(wrongPassword).rejects.toMatchObject({
      code: "unauthorized",
      message: "Email or password is incorrect",
    });
    const unknownEmail = logIn(
      { email: "nobody@example.com", password: "wrong password!" },
      { ip: "10.0.0.3" },
    );
    await expect(unknownEmail).rejects.toMatchObject({
      code: "unauthorized",
      message: "Email or password is incorrect",
    });
  });

  it("slows down an address after 5 failures in a minute, even for the right password", async () => {
    for (let i = 0; i < 5; i += 1) {
      await expect(
        logIn({ email: `guess${i}@example.com`, password: "nope" }, { ip: "10.9.9.9" }),
      ).rejects.toMatchObject({
        code: "unauthorized",
      });
    }
    const blocked = logIn(
      { email: "admin@example.com", password: "a long enough password" },
      { ip: "10.9.9.9" },
    );
    await expect(blocked).rejects.toMatchObject({ code: "too_many_requests" });
    await expect(blocked).rejects.toThrow(/Try again in \d+ s/);
    // Another address is not affected.
    await expect(
      logIn(
        { email: "admin@example.com", password: "a long enough password" },
        { ip: "10.9.9.10" },
      ),
    ).resolves.toBeTruthy();
  });

  it("slows down guessing one account's password from many addresses", async () => {
    const email = "target@example.com";
    for (let i = 0; i < 5; i += 1) {
      await expect(
        logIn({ email, password: `wrong ${i}` }, { ip: `172.16.0.${i}` }),
      ).rejects.toMatchObject({
        code: "unauthorized",
      });
    }
    await expect(
      logIn({ email, password: "yet another guess" }, { ip: "172.16.0.99" }),
    ).rejects.toMatchObject({
      code: "too_many_requests",
    });
  });

  it("lets at most 5 of 30 simultaneous guesses from one address reach the password check", async () => {
    const verified = await db.loginFailure.count();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        logIn({ email: `burst${i}@example.com`, password: "nope" }, { ip: "10.7.7.7" }),
      ),
    );
    const codes = outcomes.map((outcome) =>
      outcome.status === "rejected" && outcome.reason instanceof AppError
        ? outcome.reason.code
        : "other",
    );
    const checked = codes.filter((code) => code === "unauthorized").length;
    expect(codes.filter((code) => code === "other")).toEqual([]);
    expect(checked).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code === "too_many_requests")).toHaveLength(30 - checked);
    // What stays recorded is the failures that were checked, one row per key each.
    expect(await db.loginFailure.count()).toBe(verified + checked * 2);
  });

  it("lets the owner in from a browser that signed in before while others lock the email", async () => {
    const { email, password } = await createUserWithProject("owner");
    const first = await logIn({ email, password }, { ip: null });
    expect(first.deviceToken).toEqual(expect.any(String));

    // Guesses from many places (no trusted proxy: addresses unknown) lock the email…
    for (let i = 0; i < 5; i += 1) {
      await expect(logIn({ email, password: `guess ${i}` }, { ip: null })).rejects.toMatchObject({
        code: "unauthorized",
      });
    }
    await expect(logIn({ email, password }, { ip: null })).rejects.toMatchObject({
      code: "too_many_requests",
    });
    // …but not for the owner's own browser, which is not trusted anew.
    const again = await logIn({ email, password }, { ip: null, deviceToken: first.deviceToken });
    expect(again.token).toEqual(expect.any(String));
    expect(again.deviceToken).toBeUndefined();
    // A device cookie of another account counts for nothing here.
    await expect(
      logIn({ email, password: "a guess" }, { ip: null, deviceToken: "forged-token" }),
    ).rejects.toMatchObject({ code: "too_many_requests" });
  });

  it("ends an expired session", async () => {
    const user = await db.user.findFirstOrThrow();
    await db.session.create({
      data: { id: "expired-hash", userId: user.id, expiresAt: new Date(Date.now() - 1000) },
    });
    const { sha256Hex } = await import("@/lib/auth/tokens");
    await db.session.update({
      where: { id: "expired-hash" },
      data: { id: sha256Hex("expired-token") },
    });
    expect(await findSessionUser("expired-token")).toBeNull();
    expect(await db.session.findUnique({ where: { id: sha256Hex("expired-token") } })).toBeNull();
  });
});
