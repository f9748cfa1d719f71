import { db } from "../db/client";
import { generateToken, sha256Hex } from "./tokens";

export const DEVICE_COOKIE = "webhooks_device";
export const DEVICE_MAX_AGE_DAYS = 365;

/** The trusted device of this user that the cookie's token names, if any. */
export async function findTrustedDevice(
  userId: string,
  token: string | undefined,
): Promise<{ id: string } | null> {
  if (!token || token.length > 200) return null;
  return db.trustedDevice.findFirst({
    where: { userId, tokenHash: sha256Hex(token) },
    select: { id: true },
  });
}

/** Remembers this browser for the user; the token goes into the device cookie. */
export async function trustDevice(userId: string): Promise<string> {
  const token = generateToken();
  await db.trustedDevice.create({ data: { userId, tokenHash: sha256Hex(token) } });
  return token;
}

export async function touchTrustedDevice(id: string): Promise<void> {
  await db.trustedDevice.update({ where: { id }, data: { lastUsedAt: new Date() } });
}
