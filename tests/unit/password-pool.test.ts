import { describe, expect, it, vi } from "vitest";

// scrypt replaced by a slow stand-in that records how many derivations run at once.
const running = { now: 0, most: 0 };
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  return {
    ...crypto,
    scrypt: (
      _password: string,
      _salt: Buffer,
      keyLength: number,
      _options: unknown,
      done: (error: Error | null, key: Buffer) => void,
    ) => {
      running.now += 1;
      running.most = Math.max(running.most, running.now);
      setTimeout(() => {
        running.now -= 1;
        done(null, Buffer.alloc(keyLength, 7));
      }, 20);
    },
  };
});

const { hashPassword, verifyPassword } = await import("@/lib/auth/password");

describe("password hashing under a burst", () => {
  it("runs at most two derivations at once and finishes every one", async () => {
    const hashes = await Promise.all(Array.from({ length: 12 }, () => hashPassword("pw")));
    const verified = await Promise.all(hashes.map((hash) => verifyPassword("pw", hash)));
    expect(verified).toEqual(Array(12).fill(true));
    expect(running.most).toBe(2);
    expect(running.now).toBe(0);
  });
});
