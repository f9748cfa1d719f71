import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { dummyPasswordHash, verifyPassword } from "./password";
import { type LoginInput, loginSchema } from "./schemas";
import { createSession } from "./sessions";

const WINDOW_MS = 60 * 1000;
export const WRONG_CREDENTIALS = "Email or password is incorrect";

// Failures are counted per client address and per email: the address alone can be spoofed
// when no proxy sets X-Forwarded-For, the email alone would let one client lock out everyone.
function throttleKeys(ip: string, email: string): string[] {
  return [`ip:${ip}`, `email:${email}`];
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

export async function logIn(input: LoginInput, ip: string, userAgent?: string | null) {
  const { email, password } = loginSchema.parse(input);
  const keys = throttleKeys(ip, email);
  const retryAfter = await loginRetryAfter(keys);
  if (retryAfter > 0) {
    throw new AppError(
      "too_many_requests",
      `Too many failed attempts. Try again in ${retryAfter} s.`,
    );
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    await db.loginFailure.createMany({ data: keys.map((key) => ({ key })) });
    await db.loginFailure.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - WINDOW_MS) } },
    });
    throw new AppError("unauthorized", WRONG_CREDENTIALS, "password");
  }
  return createSession(user.id, userAgent);
}
