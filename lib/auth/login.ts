import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { findTrustedDevice, touchTrustedDevice, trustDevice } from "./devices";
import { dummyPasswordHash, verifyPassword } from "./password";
import { type LoginInput, loginSchema } from "./schemas";
import { createSession } from "./sessions";

const WINDOW_MS = 60 * 1000;
// Failures are counted per client address (when a trusted proxy tells it) and per account. The
// account's count is kept apart for each browser that signed in to it before (its device
// cookie): failures others cause on a known email then slow down only browsers the owner has
// never used, never the owner's own.
function throttleKeys(ip: string | null, email: string, deviceId: string | null): string[] {
  return [...(ip ? [`ip:${ip}`] : []), deviceId ? `device:${deviceId}` : `email:${email}`];
}

/** Seconds until these keys may try again, or 0 when all are under the limit. */
export async function loginRetryAfter(keys: string[], now = new Date()): Promise<number> {
  const limit = env().LOGIN_ATTEMPTS_PER_MINUTE;
  let wait = 0;
  for (const key of keys) {
    const failures = await db.loginFailure.findMany({
      where: { key, createdAt: { gt: new Date(now.getTime() - WINDOW_MS) } },
      orderBy: { createdAt: "desc" },
      take: limit,
      select: { createdAt: true },
    });
    const oldestCounted = failures[limit - 1];
    if (!oldestCounted) continue;
    const seconds = Math.ceil(
      (oldestCounted.createdAt.getTime() + WINDOW_MS - now.getTime()) / 1000,
    );
    wait = Math.max(wait, seconds, 1);
  }
  return wait;
}

/**
 * Counts this attempt before the password is checked: each of N simultaneous attempts inserts
 * its row first and then counts, so the k-th to insert sees at least k rows and at most the
 * limit of them get as far as the password. Counting after the check let a parallel burst
 * through. A refused attempt takes its row back (refusals do not extend the wait); a right
 * password takes its row back (it was not a failure); a wrong one leaves it as the failure.
 */
async function reserveAttempt(keys: string[]): Promise<() => Promise<void>> {
  const rows = await db.$transaction(keys.map((key) => db.loginFailure.create({ data: { key } })));
  const ids = rows.map((row) => row.id);
  return async () => {
    await db.loginFailure.deleteMany({ where: { id: { in: ids } } });
  };
}

async function attemptsOverLimit(keys: string[], now = new Date()): Promise<boolean> {
  const limit = env().LOGIN_ATTEMPTS_PER_MINUTE;
  for (const key of keys) {
    const counted = await db.loginFailure.count({
      where: { key, createdAt: { gt: new Date(now.getTime() - WINDOW_MS) } },
    });
    if (counted > limit) return true;
  }
  return false;
}

export type LoginClient = {
  /** null when no trusted proxy tells it (see client-address.ts). */
  ip: string | null;
  userAgent?: string | null;
  /** The device cookie's token, when the browser sent one. */
  deviceToken?: string;
};

/** Signs in; `deviceToken` is set when this browser is trusted for the first time. */
export async function logIn(
  input: LoginInput,
  client: LoginClient,
): Promise<{ token: string; expiresAt: Date; deviceToken?: string }> {
  const { email, password } = loginSchema.parse(input);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
  });
  const device = user ? await findTrustedDevice(user.id, client.deviceToken) : null;
  const keys = throttleKeys(client.ip, email, device?.id ?? null);
  const takeBack = await reserveAttempt(keys);
  if (await attemptsOverLimit(keys)) {
    await takeBack();
    const retryAfter = Math.max(await loginRetryAfter(keys), 1);
    throw new AppError("too_many_requests", {
      key: "tooManyLogins",
      values: { seconds: retryAfter },
    });
  }
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    await db.loginFailure.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - WINDOW_MS) } },
    });
    throw new AppError("unauthorized", { key: "wrongCredentials" }, "password");
  }
  await takeBack();
  const session = await createSession(user.id, client.userAgent);
  if (device) {
    await touchTrustedDevice(device.id);
    return session;
  }
  return { ...session, deviceToken: await trustDevice(user.id) };
}
