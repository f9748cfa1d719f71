import { describe, expect, it } from "vitest";
import { ConfigurationError, databaseEngine, databaseFile, parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("has defaults that run the app on the embedded database", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/webhooks.db");
    expect(env.GA_ENDPOINT).toBe("https://www.google-analytics.com");
    expect(env.WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(false);
    expect(databaseFile(env.DATABASE_URL)).toMatch(/\/data\/webhooks\.db$/);
  });

  it.each([
    ["DATABASE_URL", "mysql://root@localhost/webhooks"],
    ["DATABASE_URL", "postgresql://"],
    ["METRICS_TOKEN", "short"],
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

  it("accepts a PostgreSQL URL and tells the engines apart", () => {
    const url = "postgresql://app:secret@db.internal:5432/webhooks";
    expect(databaseEngine(parseEnv({ DATABASE_URL: url }).DATABASE_URL)).toBe("postgresql");
    expect(databaseEngine("postgres://127.0.0.1/webhooks")).toBe("postgresql");
    expect(databaseEngine(parseEnv({}).DATABASE_URL)).toBe("sqlite");
  });

  it("says which URLs it accepts when DATABASE_URL is neither", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://root@localhost/webhooks" })).toThrow(
      /DATABASE_URL: use a SQLite file URL \(file:.*\) or a PostgreSQL URL \(postgresql:/,
    );
  });

  it("reads booleans and numbers from strings", () => {
    const env = parseEnv({ WEBHOOK_ALLOW_PRIVATE_TARGETS: "true", SESSION_MAX_AGE_DAYS: "7" });
    expect(env.WEBHOOK_ALLOW_PRIVATE_TARGETS).toBe(true);
    expect(env.SESSION_MAX_AGE_DAYS).toBe(7);
  });
});
