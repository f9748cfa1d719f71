import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseEnv } from "@/lib/env";
import { isSealed, needsSealing, openSecret, sealSecret } from "@/lib/secrets/cipher";
import {
  DEVELOPMENT_KEY_FILE,
  loadEncryptionKeys,
  resetEncryptionKeys,
  toEncryptionKey,
} from "@/lib/secrets/keys";

const KEY = Buffer.alloc(32, 7);
const keys = { current: toEncryptionKey(KEY), previous: null };

afterEach(() => {
  vi.restoreAllMocks();
  resetEncryptionKeys();
});

describe("APP_ENCRYPTION_KEY", () => {
  it("takes 32 bytes as base64 or hex", () => {
    expect(parseEnv({ APP_ENCRYPTION_KEY: KEY.toString("base64") }).APP_ENCRYPTION_KEY).toEqual(
      KEY,
    );
    expect(parseEnv({ APP_ENCRYPTION_KEY: KEY.toString("hex") }).APP_ENCRYPTION_KEY).toEqual(KEY);
  });

  it("refuses anything else with a message naming the variable", () => {
    for (const value of ["short", Buffer.alloc(16).toString("base64"), "z".repeat(64)])
      expect(() => parseEnv({ APP_ENCRYPTION_KEY: value })).toThrow(
        /APP_ENCRYPTION_KEY: use 32 random bytes/,
      );
    expect(() => parseEnv({ APP_ENCRYPTION_KEY_PREVIOUS: "short" })).toThrow(
      /APP_ENCRYPTION_KEY_PREVIOUS/,
    );
  });

  it("production refuses to start without one", () => {
    expect(() => loadEncryptionKeys(parseEnv({ NODE_ENV: "production" }))).toThrow(
      /APP_ENCRYPTION_KEY: required in production/,
    );
    const given = loadEncryptionKeys(
      parseEnv({ NODE_ENV: "production", APP_ENCRYPTION_KEY: KEY.toString("hex") }),
    );
    expect(given.current.key).toEqual(KEY);
  });
});

describe("sealed values", () => {
  it("round-trip, with a fresh IV each time, and name their key", () => {
    const a = sealSecret("Bearer s3cret", keys);
    const b = sealSecret("Bearer s3cret", keys);
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^enc:v1:${keys.current.id}:[\\w-]+:[\\w-]+:[\\w-]+$`));
    expect(a).not.toContain("s3cret");
    expect(openSecret(a, keys)).toBe("Bearer s3cret");
    expect(openSecret("", keys)).toBe("");
    expect(openSecret(sealSecret("", keys), keys)).toBe("");
  });

  it("plain values read as they are (rows from before encryption)", () => {
    expect(isSealed("Bearer plain")).toBe(false);
    expect(openSecret("Bearer plain", keys)).toBe("Bearer plain");
    expect(needsSealing("Bearer plain", keys)).toBe(true);
  });

  it("a changed byte or a wrong key fails instead of returning garbage", () => {
    const sealed = sealSecret("value", keys);
    const parts = sealed.split(":");
    const data = Buffer.from(parts[5] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    parts[5] = data.toString("base64url");
    expect(() => openSecret(parts.join(":"), keys)).toThrow(/fails its check/);
    const other = { current: toEncryptionKey(Buffer.alloc(32, 9)), previous: null };
    expect(() => openSecret(sealed, other)).toThrow(/neither APP_ENCRYPTION_KEY/);
    expect(openSecret(sealed, { current: other.current, previous: keys.current })).toBe("value");
    expect(needsSealing(sealed, other)).toBe(true);
    expect(needsSealing(sealed, keys)).toBe(false);
  });
});

describe("the development key", () => {
  it("is made once in data/encryption.key with mode 0600, then read back", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "webhooks-key-"));
    vi.spyOn(process, "cwd").mockReturnValue(folder);
    try {
      const first = loadEncryptionKeys(parseEnv({})).current;
      const file = path.join(folder, DEVELOPMENT_KEY_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64")).toEqual(first.key);
      expect(loadEncryptionKeys(parseEnv({})).current.id).toBe(first.id);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
