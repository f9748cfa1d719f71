import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigurationError, type Env, env, parseEnv } from "../env";
import { logger } from "../observability/logger";

/** A key and its id: the first 8 hex digits of its SHA-256, written into every sealed value. */
export type EncryptionKey = { id: string; key: Buffer };
export type EncryptionKeys = { current: EncryptionKey; previous: EncryptionKey | null };

declare global {
  var webhooksEncryptionKeys: EncryptionKeys | undefined;
}

/** Where development keeps the key it made for itself; git-ignored with the rest of data/. */
export const DEVELOPMENT_KEY_FILE = path.join("data", "encryption.key");

export function toEncryptionKey(key: Buffer): EncryptionKey {
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

/**
 * The keys every process seals and opens with, read once. Without APP_ENCRYPTION_KEY production
 * refuses to start; development makes a random key in data/encryption.key (mode 0600) the first
 * time and reads it from there afterwards, so `npm run dev` and `npm start` work out of the box.
 */
export function encryptionKeys(): EncryptionKeys {
  globalThis.webhooksEncryptionKeys ??= loadEncryptionKeys(env());
  return globalThis.webhooksEncryptionKeys;
}

export function loadEncryptionKeys(config: Env): EncryptionKeys {
  const previous = config.APP_ENCRYPTION_KEY_PREVIOUS
    ? toEncryptionKey(config.APP_ENCRYPTION_KEY_PREVIOUS)
    : null;
  if (config.APP_ENCRYPTION_KEY)
    return { current: toEncryptionKey(config.APP_ENCRYPTION_KEY), previous };
  if (config.NODE_ENV === "production") {
    throw new ConfigurationError(
      "Invalid configuration:\n  APP_ENCRYPTION_KEY: required in production (32 random bytes as " +
        "base64 or hex: openssl rand -base64 32); it encrypts the stored secrets",
    );
  }
  return { current: toEncryptionKey(developmentKey()), previous };
}

function developmentKey(): Buffer {
  const file = path.resolve(/* turbopackIgnore: true */ process.cwd(), DEVELOPMENT_KEY_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, "utf8");
    const parsed = parseKeyText(text, file);
    return parsed;
  }
  const key = randomBytes(32);
  mkdirSync(path.dirname(file), { recursive: true });
  // wx: two processes starting at once must not each write a different key.
  try {
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return parseKeyText(readFileSync(file, "utf8"), file);
    throw error;
  }
  chmodSync(file, 0o600);
  logger().warn(
    { file },
    "APP_ENCRYPTION_KEY is not set: generated a development encryption key; set APP_ENCRYPTION_KEY in production",
  );
  return key;
}

function parseKeyText(text: string, file: string): Buffer {
  try {
    const key = parseEnv({ APP_ENCRYPTION_KEY: text.trim() }).APP_ENCRYPTION_KEY;
    if (key) return key;
  } catch {
    // reported below, naming the file
  }
  throw new ConfigurationError(
    `${file} does not hold a 32-byte key (base64 or hex): delete it to have a new one made, ` +
      "or set APP_ENCRYPTION_KEY",
  );
}

/** Forgets the loaded keys (tests that change the configuration). */
export function resetEncryptionKeys(): void {
  globalThis.webhooksEncryptionKeys = undefined;
}
