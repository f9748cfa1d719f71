import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { type EncryptionKeys, encryptionKeys } from "./keys";

// Secrets at rest: AES-256-GCM, a fresh 96-bit IV per value, the 128-bit tag checked on every
// open. A sealed value names the key that sealed it, so a new key can take over while the old
// one still opens what it sealed (`npm run secrets:rotate` seals everything again).
//   enc:v1:<keyId>:<iv>:<tag>:<ciphertext>   (base64url parts)

const PREFIX = "enc:v1:";
const IV_BYTES = 12;

export class SecretUnreadableError extends Error {
  override name = "SecretUnreadableError";
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function sealSecret(plain: string, keys: EncryptionKeys = encryptionKeys()): string {
  const { id, key } = keys.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString("base64url"));
  return `${PREFIX}${id}:${parts.join(":")}`;
}

/**
 * The plain value of a stored secret. A value stored before encryption (no prefix) is returned
 * as it is, so old rows keep working until they are sealed (at start, see sealPlainSecrets).
 */
export function openSecret(stored: string, keys?: EncryptionKeys): string {
  if (!isSealed(stored)) return stored;
  const all = keys ?? encryptionKeys();
  const [keyId, iv, tag, data, ...rest] = stored.slice(PREFIX.length).split(":");
  if (!keyId || iv === undefined || tag === undefined || data === undefined || rest.length > 0)
    throw new SecretUnreadableError("a stored secret is not in the enc:v1 format");
  const key = [all.current, all.previous].find((candidate) => candidate?.id === keyId);
  if (!key) {
    throw new SecretUnreadableError(
      `a stored secret was sealed with key ${keyId}, which is neither APP_ENCRYPTION_KEY nor APP_ENCRYPTION_KEY_PREVIOUS`,
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([
      decipher.update(Buffer.from(data, "base64url")),
      decipher.final(),
    ]);
    return plain.toString("utf8");
  } catch {
    throw new SecretUnreadableError(`a stored secret sealed with key ${keyId} fails its check`);
  }
}

export function openNullableSecret(stored: string | null, keys?: EncryptionKeys): string | null {
  return stored === null ? null : openSecret(stored, keys);
}

/** Whether a stored value should be sealed (again): plain, or sealed under another key. */
export function needsSealing(stored: string, keys: EncryptionKeys = encryptionKeys()): boolean {
  return !stored.startsWith(`${PREFIX}${keys.current.id}:`);
}
