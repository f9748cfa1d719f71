import { db } from "../db/client";
import { env } from "../env";
import { generateToken, sha256Hex } from "./tokens";

export const SESSION_COOKIE = "webhooks_session";

// lastSeenAt is refreshed at most this often so that reading a page does not write every time.
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** locale: the interface language the user picked, null to follow the browser. */
export type SessionUser = { id: string; email: string; locale: string | null };

export async function createSession(userId: string, userAgent?: string | null) {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + env().SESSION_MAX_AGE_DAYS * 24 * 60 * 60 * 1000);
  await db.$transaction([
    db.session.create({
      data: {
        id: sha256Hex(token),
        userId,
        expiresAt,
        userAgent: userAgent?.slice(0, 300) ?? null,
      },
    }),
    db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } }),
  ]);
  return { token, expiresAt };
}

export async function findSessionUser(token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { id: sha256Hex(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, email: true, locale: true } },
    },
  });
  if (!session) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return session.user;
}

export async function deleteSession(token: string | undefined): Promise<void> {
  if (!token) return;
  await db.session.deleteMany({ where: { id: sha256Hex(token) } });
}
