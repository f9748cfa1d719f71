import { describe, expect, it } from "vitest";
import { decideRetry } from "@/lib/dispatch/retry-policy";

const base = { maxAttempts: 4, schedule: "exponential" as const, status: 500, retryAfterMs: null };

describe("retry policy", () => {
  it("backs off exponentially: 10 s, 1 min, 10 min", () => {
    const middle = () => 0.5;
    expect(decideRetry({ ...base, attempt: 1, random: middle })).toEqual({
      retry: true,
      delayMs: 10_000,
    });
    expect(decideRetry({ ...base, attempt: 2, random: middle })).toEqual({
      retry: true,
      delayMs: 60_000,
    });
    expect(decideRetry({ ...base, attempt: 3, random: middle })).toEqual({
      retry: true,
      delayMs: 600_000,
    });
  });

  it("stops when the attempts are used up; one attempt means no resend", () => {
    expect(decideRetry({ ...base, attempt: 4 })).toEqual({ retry: false, reason: "exhausted" });
    expect(decideRetry({ ...base, maxAttempts: 1, attempt: 1 })).toEqual({
      retry: false,
      reason: "exhausted",
    });
  });

  it("adds at most ±20 % jitter", () => {
    expect(decideRetry({ ...base, attempt: 1, random: () => 0 })).toEqual({
      retry: true,
      delayMs: 8_000,
    });
    expect(decideRetry({ ...base, attempt: 1, random: () => 0.999999 })).toMatchObject({
      delayMs: 12_000,
    });
  });

  it("honours Retry-After on 429 and 503 within 1 s … 1 h", () => {
    expect(decideRetry({ ...base, attempt: 1, status: 429, retryAfterMs: 7_000 })).toEqual({
      retry: true,
      delayMs: 7_000,
    });
    expect(decideRetry({ ...base, attempt: 1, status: 503, retryAfterMs: 0 })).toEqual({
      retry: true,
      delayMs: 1_000,
    });
    expect(decideRetry({ ...base, attempt: 1, status: 503, retryAfterMs: 86_400_000 })).toEqual({
      retry: true,
      delayMs: 3_600_000,
    });
    // Retry-After on other statuses is not a promise to take.
    expect(
      decideRetry({ ...base, attempt: 1, status: 500, retryAfterMs: 7_000, random: () => 0.5 }),
    ).toEqual({
      retry: true,
      delayMs: 10_000,
    });
  });

  it("does not retry 410 Gone", () => {
    expect(decideRetry({ ...base, attempt: 1, status: 410 })).toEqual({
      retry: false,
      reason: "gone",
    });
  });

  it("keeps a fixed one-minute schedule when asked", () => {
    expect(decideRetry({ ...base, schedule: "fixed", attempt: 3, random: () => 0.5 })).toEqual({
      retry: true,
      delayMs: 60_000,
    });
  });
});
