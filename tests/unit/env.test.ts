import { describe, expect, it } from "vitest";
import { ConfigurationError, databaseFile, parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("has defaults that run the app on the embedded database", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/webhooks.db");
    expect(env.GA_ENDPOINT).toBe("https://www.google-analytics.com");
    expect(env.WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(false);
    expect(databaseFile(env.DATABASE_URL)).toMatch(/\/data\/webhooks\.db$/);
  });

  it.each([
    ["DATABASE_URL", "postgres://x"],
    ["SESSION_MAX_AGE_DAYS", "forever"],
    ["LOGIN_ATTEMPTS_PER_MINUTE", "0"],
    ["GA_ENDPOINT", "ftp://example.com"],
    ["WEBHOOK_ALLOW_PRIVATE_TARGETS", "maybe"],
    ["NODE_ENV", "staging"],
  ])("stops on a bad %s with a message naming it", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(ConfigurationError);
    expect(() => parseEnv({ [name]: value })).toThrow(
      new RegExp(`^Invalid configuration:\\n  ${name}: `),
    );
  });

  it("reads booleans and numbers from strings", () => {
    const env = parseEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "true", SESSION_MAX_AGE_DAYS: "7" });
    expect(env.WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(true);
    expect(env.SESSION_MAX_AGE_DAYS).toBe(7);
  });
});
