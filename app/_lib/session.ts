import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { type Role, requireProjectRole } from "@/lib/auth/access";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { DEVICE_COOKIE, DEVICE_MAX_AGE_DAYS } from "@/lib/auth/devices";
import { findSessionUser, SESSION_COOKIE, type SessionUser } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { requestIsHttps } from "@/lib/http/security-headers";

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const store = await cookies();
  return findSessionUser(store.get(SESSION_COOKIE)?.value);
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: the signed-in user and their role, or the not-found page for foreign projects. */
export async function requireProjectPage(projectId: string, minimum: Role = "viewer") {
  const user = await requireUser();
  try {
    const role = await requireProjectRole(user.id, projectId, minimum);
    return { user, role };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden"))
      notFound();
    throw error;
  }
}

/** For server actions that need only a signed-in user. */
export async function requireUserAction(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", { key: "sessionEnded" });
  return user;
}

/** For server actions: the same checks, thrown as AppError so the action maps them. */
export async function requireProjectAction(projectId: string, minimum: Role) {
  const user = await requireUserAction();
  const role = await requireProjectRole(user.id, projectId, minimum);
  return { user, role };
}

/** Cookies are marked Secure when a trusted proxy says the browser came over https. */
async function isHttps(): Promise<boolean> {
  return requestIsHttps({
    forwardedProto: (await headers()).get("x-forwarded-proto"),
    trustProxy: env().TRUST_PROXY,
  });
}

export async function setSessionCookie(token: string, expiresAt: Date) {
  const store = await cookies();
  store.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    expires: expiresAt,
  });
}

export async function clearSessionCookie(): Promise<string | undefined> {
  const store = await cookies();
  const token = store.get(SESSION_COOKIE)?.value;
  store.delete(SESSION_COOKIE);
  return token;
}

/** The client address for sign-in throttling: only a trusted proxy's word counts (TRUST_PROXY). */
export async function clientAddress(): Promise<string | null> {
  return clientAddressFrom((await headers()).get("x-forwarded-for"), env().TRUST_PROXY);
}

export async function deviceToken(): Promise<string | undefined> {
  return (await cookies()).get(DEVICE_COOKIE)?.value;
}

/** Remembers this browser for the account it signed in to (see lib/auth/devices.ts). */
export async function setDeviceCookie(token: string) {
  const store = await cookies();
  store.set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    maxAge: DEVICE_MAX_AGE_DAYS * 24 * 60 * 60,
  });
}

export async function userAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}

// The project this browser last switched to; only a hint for the home page, which checks the
// membership again (lib/auth/access.ts pickCurrentProject). Project URLs name their project.
const CURRENT_PROJECT_COOKIE = "webhooks_project";

export async function setCurrentProjectCookie(projectId: string) {
  const store = await cookies();
  store.set(CURRENT_PROJECT_COOKIE, projectId, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
  });
}

export async function rememberedProjectId(): Promise<string | undefined> {
  return (await cookies()).get(CURRENT_PROJECT_COOKIE)?.value;
}
